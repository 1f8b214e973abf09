package org.imgcluster.metrics;

/**
 * The cluster × label count table every external score is computed from: row i counts the points of cluster
 * {@code clusterIds()[i]} per label {@code labelIds()[j]}. Only ids that occur are rows or columns (as
 * scikit-learn's {@code contingency_matrix}, transposed: clusters are rows here). Immutable.
 */
public final class Contingency {
    private final int[] clusterIds;
    private final int[] labelIds;
    private final long[][] counts;
    private final long total;

    private Contingency(int[] clusterIds, int[] labelIds, long[][] counts, long total) {
        this.clusterIds = clusterIds;
        this.labelIds = labelIds;
        this.counts = counts;
        this.total = total;
    }

    /**
     * @param truth    the true label of each point, ids ≥ 0
     * @param clusters the cluster of each point, ids ≥ 0, same length
     */
    public static Contingency of(int[] truth, int[] clusters) {
        Labels.requirePaired("truth", truth, "clusters", clusters);
        Labels.Encoded labels = Labels.encode(truth);
        Labels.Encoded groups = Labels.encode(clusters);
        long[][] counts = new long[groups.count()][labels.count()];
        for (int i = 0; i < truth.length; i++) {
            counts[groups.codes()[i]][labels.codes()[i]]++;
        }
        return new Contingency(groups.ids(), labels.ids(), counts, truth.length);
    }

    /** The distinct cluster ids, increasing: the row order. */
    public int[] clusterIds() {
        return clusterIds.clone();
    }

    /** The distinct label ids, increasing: the column order. */
    public int[] labelIds() {
        return labelIds.clone();
    }

    /** The raw counts, clusters × labels (a copy). */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Each cluster's row divided by the cluster size, so a row sums to 1: the share of each label in a cluster. */
    public double[][] rowNormalised() {
        double[][] shares = new double[counts.length][labelIds.length];
        long[] sizes = clusterSizes();
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < labelIds.length; j++) {
                shares[i][j] = (double) counts[i][j] / sizes[i];
            }
        }
        return shares;
    }

    public int numClusters() {
        return clusterIds.length;
    }

    public int numLabels() {
        return labelIds.length;
    }

    /** Points in cluster row {@code clusterIndex} with label column {@code labelIndex}. */
    public long count(int clusterIndex, int labelIndex) {
        return counts[clusterIndex][labelIndex];
    }

    /** The number of points. */
    public long total() {
        return total;
    }

    /** Row sums: the size of each cluster. */
    public long[] clusterSizes() {
        long[] sizes = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (long c : counts[i]) {
                sizes[i] += c;
            }
        }
        return sizes;
    }

    /** Column sums: the support of each label. */
    public long[] labelSizes() {
        long[] sizes = new long[labelIds.length];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                sizes[j] += row[j];
            }
        }
        return sizes;
    }
}
