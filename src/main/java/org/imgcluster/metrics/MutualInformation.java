package org.imgcluster.metrics;


/**
 * Mutual information between a clustering and the true labels, in nats, with scikit-learn's definitions and edge
 * cases ({@code mutual_info_score}, {@code normalized_mutual_info_score} and {@code adjusted_mutual_info_score}
 * with the default arithmetic normalisation).
 */
public final class MutualInformation {
    private static final double EPS = Math.ulp(1.0);

    private MutualInformation() {
    }

    public static double mi(int[] truth, int[] clusters) {
        return mi(Contingency.of(truth, clusters));
    }

    /** MI; 0 when either side has a single id (zero entropy). */
    public static double mi(Contingency table) {
        if (table.numClusters() == 1 || table.numLabels() == 1) {
            return 0.0;
        }
        long[] clusterSizes = table.clusterSizes();
        long[] labelSizes = table.labelSizes();
        double logTotal = Math.log(table.total());
        double sum = 0.0;
        for (int i = 0; i < table.numClusters(); i++) {
            for (int j = 0; j < table.numLabels(); j++) {
                long count = table.count(i, j);
                if (count == 0) {
                    continue;
                }
                double share = (double) count / table.total();
                double logOuter = -Math.log((double) clusterSizes[i] * labelSizes[j]) + logTotal + logTotal;
                double term = share * (Math.log(count) - logTotal) + share * logOuter;
                // scikit-learn drops terms below machine epsilon before summing.
                sum += Math.abs(term) < EPS ? 0.0 : term;
            }
        }
        return Math.max(sum, 0.0);
    }

    public static double nmi(int[] truth, int[] clusters) {
        return nmi(Contingency.of(truth, clusters));
    }

    /** MI / mean(H(truth), H(clusters)); 1 when both sides are a single id, 0 when MI is 0. */
    public static double nmi(Contingency table) {
        if (bothTrivial(table)) {
            return 1.0;
        }
        double mi = mi(table);
        if (mi == 0.0) {
            return 0.0;
        }
        return mi / meanEntropy(table);
    }

    public static double ami(int[] truth, int[] clusters) {
        return ami(Contingency.of(truth, clusters));
    }

    /** (MI − E[MI]) / (mean(H(truth), H(clusters)) − E[MI]) under the hypergeometric model of random labelings. */
    public static double ami(Contingency table) {
        if (bothTrivial(table)) {
            return 1.0;
        }
        double mi = mi(table);
        double expected = expectedMi(table);
        double denominator = meanEntropy(table) - expected;
        // Keep the sign but never divide by (almost) zero: a perfect match can make the denominator round below 0.
        denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
        return (mi - expected) / denominator;
    }

    private static boolean bothTrivial(Contingency table) {
        return table.numClusters() == 1 && table.numLabels() == 1;
    }

    private static double meanEntropy(Contingency table) {
        return (entropy(table.labelSizes(), table.total()) + entropy(table.clusterSizes(), table.total())) / 2;
    }

    private static double entropy(long[] sizes, long total) {
        if (sizes.length == 1) {
            return 0.0;
        }
        double logTotal = Math.log(total);
        double h = 0.0;
        for (long size : sizes) {
            h -= (double) size / total * (Math.log(size) - logTotal);
        }
        return h;
    }

    /** E[MI] over all labelings with the same cluster and label sizes (scikit-learn's expected_mutual_information). */
    private static double expectedMi(Contingency table) {
        long[] a = table.clusterSizes();
        long[] b = table.labelSizes();
        if (a.length == 1 || b.length == 1) {
            return 0.0;
        }
        int n = (int) table.total();
        double[] logFactorial = logFactorials(n);
        double logN = Math.log(n);
        double emi = 0.0;
        for (long ai : a) {
            for (long bj : b) {
                double constant = logFactorial[(int) ai] + logFactorial[(int) bj] + logFactorial[(int) (n - ai)]
                        + logFactorial[(int) (n - bj)] - logFactorial[n];
                double logAB = Math.log(ai) + Math.log(bj);
                for (long nij = Math.max(1, ai + bj - n); nij <= Math.min(ai, bj); nij++) {
                    double logProbability = constant - logFactorial[(int) nij] - logFactorial[(int) (ai - nij)]
                            - logFactorial[(int) (bj - nij)] - logFactorial[(int) (n - ai - bj + nij)];
                    emi += (double) nij / n * (logN + Math.log(nij) - logAB) * Math.exp(logProbability);
                }
            }
        }
        return emi;
    }

    /** ln(m!) for m = 0..n, as running sums of ln m (Smile's lgamma costs ~0.1 ms a call, seconds for n = 60,000). */
    private static double[] logFactorials(int n) {
        double[] table = new double[n + 1];
        for (int m = 1; m <= n; m++) {
            table[m] = table[m - 1] + Math.log(m);
        }
        return table;
    }
}
