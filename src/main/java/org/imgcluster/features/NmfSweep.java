package org.imgcluster.features;

import org.imgcluster.linalg.RowChunks;

/**
 * The inner kernel of scikit-learn's NMF coordinate descent (its Cython {@code _update_cdnmf_fast}) for one factor F
 * while the other is fixed: for each coordinate t in turn and each sample i, the exact minimiser of the Frobenius loss
 * along F[t, i], clipped at 0:
 * <pre>
 *   grad = (G·F)[t, i] − P[t, i],   F[t, i] ← max(F[t, i] − grad / G[t, t], 0)
 * </pre>
 * G is the fixed factor's k×k Gram matrix and P the products with the data (H·Xᵀ when F = Wᵀ, Wᵀ·X when F = H).
 * F and P are stored factor-major (coordinate t of sample i at t·stride + i), so each step runs along a contiguous row
 * that the JIT vectorises; in float32 like scikit-learn's own loop on float32 data. Samples are independent given G
 * and P, so parallel chunks of them give the serial result.
 */
final class NmfSweep {
    /** Samples per pass over the k coordinates: k rows of them stay in the L1/L2 cache between the coordinates. */
    private static final int BLOCK = 512;

    private NmfSweep() {
    }

    /** What one sweep did: scikit-learn's {@code violation}, and the squared Frobenius norm of the factor's change. */
    record Result(double violation, double change) {
    }

    /**
     * One sweep over the first k rows of {@code factor} (rows of {@code samples} values; rows below them, if any, are
     * left alone), in place and in parallel. Its violation is the sum of |projected gradient| before each step (the
     * gradient, or its negative part where the value is 0).
     */
    static Result sweep(float[] factor, int samples, int k, float[] gram, float[] products) {
        double[] sums = RowChunks.sum(samples, 2, (from, to, s) -> {
            float[] gradient = new float[BLOCK];
            for (int start = from; start < to; start += BLOCK) {
                sweepBlock(factor, samples, start, Math.min(to, start + BLOCK), k, gram, products, gradient, s);
            }
        });
        return new Result(sums[0], sums[1]);
    }

    /** One block's sweep; adds its violation to sums[0] and its squared change to sums[1]. */
    private static void sweepBlock(float[] factor, int stride, int from, int to, int k, float[] gram,
                                   float[] products, float[] gradient, double[] sums) {
        int length = to - from;
        double violation = 0;
        double change = 0;
        for (int t = 0; t < k; t++) {
            int row = t * stride + from;
            for (int q = 0; q < length; q++) {
                gradient[q] = -products[row + q];
            }
            for (int r = 0; r < k; r++) {
                float g = gram[t * k + r];
                int other = r * stride + from;
                for (int q = 0; q < length; q++) {
                    gradient[q] += g * factor[other + q];
                }
            }
            violation += projectedViolation(factor, row, gradient, length);
            float hessian = gram[t * k + t];
            if (hessian != 0) {
                float moved = 0;
                for (int q = 0; q < length; q++) {
                    float old = factor[row + q];
                    float updated = Math.max(old - gradient[q] / hessian, 0);
                    factor[row + q] = updated;
                    moved += (updated - old) * (updated - old);
                }
                change += moved;
            }
        }
        sums[0] += violation;
        sums[1] += change;
    }

    /**
     * Σ |projected gradient| over one run of values: |grad| where the value is positive, max(−grad, 0) where it is 0.
     * The choice is made by arithmetic, not a branch, so the loop vectorises and does not mispredict on a factor that
     * is half zeros: min(v·10³⁸·10³⁸, 1) is exactly 1 for every positive float v (the smallest is 1.4·10⁻⁴⁵), 0 for 0.
     */
    private static float projectedViolation(float[] factor, int offset, float[] gradient, int length) {
        float sum = 0;
        for (int q = 0; q < length; q++) {
            float grad = gradient[q];
            float positive = Math.min(factor[offset + q] * 1e38f * 1e38f, 1);
            sum += positive * Math.abs(grad) + (1 - positive) * Math.max(-grad, 0);
        }
        return sum;
    }

    /** The transpose of a row-major rows×cols matrix into the first rows·cols values of a new array of {@code size}. */
    static float[] transpose(float[] m, int rows, int cols, int size) {
        float[] out = new float[size];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = m[i * cols + j];
            }
        }
        return out;
    }
}
