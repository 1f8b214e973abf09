package org.imgcluster.cluster;

/** The squared Euclidean distance between two rows of double arrays, giving up early once it cannot win. */
final class SquaredDistance {
    /** The partial sum is compared with the limit every this many features. */
    private static final int STRIDE = 8;

    private SquaredDistance() {
    }

    /** The values in double, the precision the distances here are taken in (as scipy takes them). */
    static double[] widened(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Σ(a−b)² over {@code len} values, or a partial sum ≥ {@code limit} as soon as one reaches it: in a nearest-
     * neighbour scan most candidates are far, and on PCA-like features the leading features already show it. Four
     * partial sums let the JIT overlap the multiply-adds.
     */
    static double upTo(double[] a, int aOff, double[] b, int bOff, int len, double limit) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (int stop = Math.min(len, STRIDE); ; stop = Math.min(len, stop + STRIDE)) {
            for (; t + 3 < stop; t += 4) {
                double d0 = a[aOff + t] - b[bOff + t];
                double d1 = a[aOff + t + 1] - b[bOff + t + 1];
                double d2 = a[aOff + t + 2] - b[bOff + t + 2];
                double d3 = a[aOff + t + 3] - b[bOff + t + 3];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            for (; t < stop; t++) {
                double dt = a[aOff + t] - b[bOff + t];
                s0 += dt * dt;
            }
            double sum = s0 + s1 + s2 + s3;
            if (t == len || sum >= limit) {
                return sum;
            }
        }
    }
}
