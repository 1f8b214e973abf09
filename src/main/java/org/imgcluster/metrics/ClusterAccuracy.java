package org.imgcluster.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy of a clustering once each cluster is read as a label, and the mapping that reads it.
 *
 * @param accuracy       the share of points whose cluster maps to their true label
 * @param labelOfCluster the label each cluster id maps to; clusters without a label are absent (their points count
 *                       as wrong)
 */
public record ClusterAccuracy(double accuracy, Map<Integer, Integer> labelOfCluster) {
    /** What {@link #labelOf} answers for a cluster that maps to no label. */
    public static final int UNMATCHED = -1;

    public ClusterAccuracy {
        labelOfCluster = Collections.unmodifiableMap(new LinkedHashMap<>(labelOfCluster));
    }

    /**
     * ACC: the best one-to-one mapping (Hungarian); when there are more clusters than labels, the extra clusters map
     * to none.
     */
    public static ClusterAccuracy hungarian(int[] truth, int[] clusters) {
        return hungarian(Contingency.of(truth, clusters));
    }

    public static ClusterAccuracy hungarian(Contingency table) {
        int[] column = Hungarian.maximumWeightMatching(table.counts());
        return fromColumns(table, column);
    }

    /** Majority-label accuracy: each cluster takes its most common label (the lowest id on ties); labels may repeat. */
    public static ClusterAccuracy majority(int[] truth, int[] clusters) {
        return majority(Contingency.of(truth, clusters));
    }

    public static ClusterAccuracy majority(Contingency table) {
        int[] column = new int[table.numClusters()];
        for (int i = 0; i < column.length; i++) {
            for (int j = 1; j < table.numLabels(); j++) {
                if (table.count(i, j) > table.count(i, column[i])) {
                    column[i] = j;
                }
            }
        }
        return fromColumns(table, column);
    }

    private static ClusterAccuracy fromColumns(Contingency table, int[] columnOfCluster) {
        int[] clusterIds = table.clusterIds();
        int[] labelIds = table.labelIds();
        Map<Integer, Integer> mapping = new LinkedHashMap<>();
        long correct = 0;
        for (int i = 0; i < clusterIds.length; i++) {
            if (columnOfCluster[i] != UNMATCHED) {
                mapping.put(clusterIds[i], labelIds[columnOfCluster[i]]);
                correct += table.count(i, columnOfCluster[i]);
            }
        }
        return new ClusterAccuracy((double) correct / table.total(), mapping);
    }

    /** The label cluster {@code clusterId} maps to, or {@link #UNMATCHED}. */
    public int labelOf(int clusterId) {
        return labelOfCluster.getOrDefault(clusterId, UNMATCHED);
    }

    /** Each point's predicted label: its cluster's label, or {@link #UNMATCHED}. */
    public int[] predict(int[] clusters) {
        int[] predicted = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            predicted[i] = labelOf(clusters[i]);
        }
        return predicted;
    }
}
