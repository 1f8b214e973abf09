package org.imgcluster.cluster;

import java.util.Arrays;

import org.imgcluster.linalg.RowChunks;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The M-step, as scikit-learn's {@code _estimate_gaussian_parameters}: component sizes N_m = Σ_i r_im (+ 10·ε, so an
 * empty component divides by a tiny number, not zero), means Rᵀ·X / N_m, covariances
 * Σ_i r_im (x_i − μ_m)(x_i − μ_m)ᵀ / N_m + reg_covar·I (tied: summed over components and divided by Σ N_m; diag: the
 * diagonal only; spherical: its mean). Means are float GEMMs Rᵀ·X_b per row block of the centred data, added in
 * double, so float rounding accumulates over at most {@link MixtureData#BLOCK_ROWS} rows; full scatter matrices are
 * double GEMMs Zᵀ·Z with Z = √r ⊙ (X − μ_m) over the points responsible for m; diagonal ones Java loops in double.
 */
final class GaussianEstimator {
    private static final double SIZE_EPSILON = 10 * Math.ulp(1.0);
    /**
     * Points less responsible than this are left out of a component's scatter: they add r·q (q the squared
     * Mahalanobis distance) below float32 rounding of the sum unless q exceeds 10³, and a far point has a tiny r for
     * a component only because another explains it far better. On clustered data most responsibilities are below
     * it, which cuts the scatter GEMMs up to k-fold.
     */
    private static final double NEGLIGIBLE_RESPONSIBILITY = 1e-10;

    /** Sizes (c), means (c×d) and covariances (flat, in {@link CovarianceType#shape} layout) of c components. */
    record Estimates(double[] sizes, double[] means, double[] covariances) {
    }

    private final MixtureData data;
    private final GemmBuffers buffers = new GemmBuffers();

    GaussianEstimator(MixtureData data) {
        this.data = data;
    }

    /** Estimates c components from the n×c responsibilities {@code resp} (row-major). */
    Estimates estimate(double[] resp, int c, CovarianceType type, double regCovar) {
        int n = data.n();
        int d = data.d();
        double[] sizes = RowChunks.sum(n, c, (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                for (int m = 0; m < c; m++) {
                    acc[m] += resp[i * c + m];
                }
            }
        });
        for (int m = 0; m < c; m++) {
            sizes[m] += SIZE_EPSILON;
        }
        double[] offsets = weightedSums(resp, c);
        for (int t = 0; t < offsets.length; t++) {
            offsets[t] /= sizes[t / d];
        }
        double[] means = new double[c * d];
        for (int t = 0; t < means.length; t++) {
            means[t] = data.center()[t % d] + offsets[t];
        }
        double[] covariances = type.isMatrix()
                ? matrixCovariances(resp, c, offsets, sizes, type, regCovar)
                : diagonalCovariances(resp, c, offsets, sizes, type, regCovar);
        return new Estimates(sizes, means, covariances);
    }

    /** Σ_i r_im (x_i − centre), c×d, as one GEMM Rᵀ·X per row block. */
    private double[] weightedSums(double[] resp, int c) {
        int d = data.d();
        double[] sums = new double[c * d];
        float[] blockResp = new float[MixtureData.BLOCK_ROWS * c];
        for (int b = 0; b < data.blockCount(); b++) {
            INDArray x = data.block(b);
            int rows = (int) x.rows();
            int offset = data.blockStart(b) * c;
            for (int t = 0; t < rows * c; t++) {
                blockResp[t] = (float) resp[offset + t];
            }
            INDArray r = buffers.filled("responsibilities", blockResp, rows, c);
            float[] s = buffers.read(buffers.multiply("sums", r, true, x));
            for (int t = 0; t < c * d; t++) {
                sums[t] += s[t];
            }
        }
        return sums;
    }

    private double[] matrixCovariances(double[] resp, int c, double[] offsets, double[] sizes, CovarianceType type,
                                       double regCovar) {
        int d = data.d();
        double[] scatter = new double[c * d * d];
        for (int m = 0; m < c; m++) {
            addScatter(resp, c, m, offsets, scatter);
        }
        if (type == CovarianceType.TIED) {
            double total = 0;
            for (double size : sizes) {
                total += size;
            }
            double[] tied = new double[d * d];
            for (int t = 0; t < c * d * d; t++) {
                tied[t % (d * d)] += scatter[t];
            }
            return regularisedMatrices(tied, new double[] {total}, d, regCovar);
        }
        return regularisedMatrices(scatter, sizes, d, regCovar);
    }

    /**
     * Adds Σ_i r_im (x_i − μ_m)(x_i − μ_m)ᵀ to component m's d×d slot of {@code scatter}, over the points whose
     * responsibility reaches {@link #NEGLIGIBLE_RESPONSIBILITY}, gathered {@link MixtureData#BLOCK_ROWS} at a time
     * into Z = √r ⊙ (x − μ_m) (zero-padded, so one GEMM shape serves all) for one GEMM Zᵀ·Z each. In double: a
     * float32 scatter errs by ε·λ_max in every direction, which the precision then divides by the smallest
     * eigenvalues (on Fashion-MNIST PCA-50 that moved the log-likelihood by 1e-5 relative; in double, 1e-7).
     */
    private void addScatter(double[] resp, int c, int m, double[] offsets, double[] scatter) {
        int n = data.n();
        int d = data.d();
        float[] x = data.centered();
        int[] members = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (resp[i * c + m] >= NEGLIGIBLE_RESPONSIBILITY) {
                members[count++] = i;
            }
        }
        double[] z = new double[MixtureData.BLOCK_ROWS * d];
        for (int from = 0; from < count; from += MixtureData.BLOCK_ROWS) {
            int start = from;
            int rows = Math.min(MixtureData.BLOCK_ROWS, count - from);
            RowChunks.forEach(rows, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    int i = members[start + r];
                    double w = Math.sqrt(resp[i * c + m]);
                    for (int j = 0; j < d; j++) {
                        z[r * d + j] = w * (x[i * d + j] - offsets[m * d + j]);
                    }
                }
            });
            Arrays.fill(z, rows * d, z.length, 0);
            INDArray zb = buffers.filled("weighted deviations", z, MixtureData.BLOCK_ROWS, d);
            double[] s = buffers.readDoubles(buffers.multiply("scatter", zb, true, zb));
            for (int t = 0; t < d * d; t++) {
                scatter[m * d * d + t] += s[t];
            }
        }
    }

    /** scatter_m / size_m + reg_covar on the diagonal, for each d×d matrix of {@code scatter}. */
    private static double[] regularisedMatrices(double[] scatter, double[] sizes, int d, double regCovar) {
        double[] out = new double[scatter.length];
        for (int m = 0; m < sizes.length; m++) {
            for (int t = 0; t < d * d; t++) {
                out[m * d * d + t] = scatter[m * d * d + t] / sizes[m];
            }
            for (int j = 0; j < d; j++) {
                out[m * d * d + j * d + j] += regCovar;
            }
        }
        return out;
    }

    private double[] diagonalCovariances(double[] resp, int c, double[] offsets, double[] sizes, CovarianceType type,
                                         double regCovar) {
        int d = data.d();
        float[] x = data.centered();
        double[] scatter = RowChunks.sum(data.n(), c * d, (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                for (int m = 0; m < c; m++) {
                    double r = resp[i * c + m];
                    if (r < NEGLIGIBLE_RESPONSIBILITY) {
                        continue;
                    }
                    for (int j = 0; j < d; j++) {
                        double t = x[i * d + j] - offsets[m * d + j];
                        acc[m * d + j] += r * t * t;
                    }
                }
            }
        });
        double[] out = new double[type == CovarianceType.SPHERICAL ? c : c * d];
        for (int m = 0; m < c; m++) {
            for (int j = 0; j < d; j++) {
                double v = scatter[m * d + j] / sizes[m] + regCovar;
                if (type == CovarianceType.SPHERICAL) {
                    out[m] += v / d;
                } else {
                    out[m * d + j] = v;
                }
            }
        }
        return out;
    }
}
