package org.imgcluster.linalg;

/** Small dense-vector kernels on Java arrays, for work too fine-grained for a GEMM. */
public final class Vectors {
    private Vectors() {
    }

    /** Σ(a−b)² over {@code len} values, with four partial sums so the JIT can overlap the multiply-adds. */
    public static double squaredDistance(float[] a, int aOff, float[] b, int bOff, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            float d0 = a[aOff + t] - b[bOff + t];
            float d1 = a[aOff + t + 1] - b[bOff + t + 1];
            float d2 = a[aOff + t + 2] - b[bOff + t + 2];
            float d3 = a[aOff + t + 3] - b[bOff + t + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; t < len; t++) {
            float dt = a[aOff + t] - b[bOff + t];
            s0 += dt * dt;
        }
        return s0 + s1 + s2 + s3;
    }
}
