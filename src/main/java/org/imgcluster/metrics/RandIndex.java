package org.imgcluster.metrics;

/** The adjusted Rand index, as scikit-learn's {@code adjusted_rand_score} (via the pair confusion matrix). */
public final class RandIndex {
    private RandIndex() {
    }

    public static double ari(int[] truth, int[] clusters) {
        return ari(Contingency.of(truth, clusters));
    }

    /**
     * ARI: 1 at best, about 0 for random labelings; exactly 1 when no pair is joined by one labeling and split by the
     * other (which includes a single cluster against a single label).
     */
    public static double ari(Contingency table) {
        long n = table.total();
        long[] clusterSizes = table.clusterSizes();
        long[] labelSizes = table.labelSizes();
        long sumSquares = 0;
        long pairsWeightedByCluster = 0;
        long pairsWeightedByLabel = 0;
        for (int i = 0; i < table.numClusters(); i++) {
            for (int j = 0; j < table.numLabels(); j++) {
                long count = table.count(i, j);
                sumSquares += count * count;
                pairsWeightedByCluster += count * clusterSizes[i];
                pairsWeightedByLabel += count * labelSizes[j];
            }
        }
        // Ordered pairs: together in both, apart in truth only / clusters only, apart in both.
        long together = sumSquares - n;
        long joinedByClustersOnly = pairsWeightedByCluster - sumSquares;
        long joinedByTruthOnly = pairsWeightedByLabel - sumSquares;
        long apart = n * n - joinedByClustersOnly - joinedByTruthOnly - sumSquares;
        if (joinedByClustersOnly == 0 && joinedByTruthOnly == 0) {
            return 1.0;
        }
        // Products of pair counts overflow long beyond ~55,000 points; in double they keep 16 significant digits.
        double tp = together;
        double tn = apart;
        double fp = joinedByClustersOnly;
        double fn = joinedByTruthOnly;
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }
}
