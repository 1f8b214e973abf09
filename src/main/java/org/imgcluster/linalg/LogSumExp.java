package org.imgcluster.linalg;

/**
 * Row-wise log-sum-exp of a row-major n×cols double matrix plus a per-column bias (log priors), stable by subtracting
 * each row's maximum: the E-step of mixture models and any softmax over log-scores.
 */
public final class LogSumExp {
    private LogSumExp() {
    }

    /** log Σ_j exp(a[i, j] + bias[j]) for every row i; −∞ for a row whose terms are all −∞. */
    public static double[] rows(double[] a, int cols, double[] bias) {
        int n = a.length / cols;
        double[] out = new double[n];
        RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = row(a, i * cols, cols, bias);
            }
        });
        return out;
    }

    /**
     * Replaces every row of a by softmax(a[i] + bias) in place and returns the rows' log-sum-exp ({@link #rows}).
     * A row whose terms are all −∞ becomes all zeros.
     */
    public static double[] softmaxRows(double[] a, int cols, double[] bias) {
        int n = a.length / cols;
        double[] out = new double[n];
        RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * cols;
                double lse = row(a, off, cols, bias);
                out[i] = lse;
                for (int j = 0; j < cols; j++) {
                    a[off + j] = lse == Double.NEGATIVE_INFINITY ? 0 : Math.exp(a[off + j] + bias[j] - lse);
                }
            }
        });
        return out;
    }

    private static double row(double[] a, int off, int cols, double[] bias) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, a[off + j] + bias[j]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int j = 0; j < cols; j++) {
            s += Math.exp(a[off + j] + bias[j] - max);
        }
        return max + Math.log(s);
    }
}
