package org.imgcluster.cluster;

import org.imgcluster.linalg.LogSumExp;
import org.imgcluster.linalg.RowChunks;
import org.imgcluster.linalg.Vectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * log N(x_i | μ_m, Σ_m) for every point and component, as scikit-learn's {@code _estimate_log_gaussian_prob}:
 * −½(d·log 2π + ‖(x − μ_m)·P_m‖²) + log det P_m with P_m the Cholesky factor of the precision. Full and tied: per row
 * block one float GEMM X·[P_a | … | P_b] for a group of components, then the squared norms in Java (in parallel over
 * rows); diagonal and spherical: Java loops only, which cost the same n·k·d as the GEMM would.
 */
final class GaussianLogDensities {
    private static final long GEMM_OUTPUT_BYTES = 32L << 20;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final MixtureData data;
    private final GemmBuffers buffers = new GemmBuffers();

    GaussianLogDensities(MixtureData data) {
        this.data = data;
    }

    /** The E-step: weighted densities normalised per point, and the points' log-likelihoods. */
    MixturePosterior posterior(GaussianParameters p) {
        double[] values = new double[data.n() * p.k()];
        compute(p, 0, p.k(), values);
        double[] logLikelihoods = LogSumExp.softmaxRows(values, p.k(), p.logWeights());
        return new MixturePosterior(values, logLikelihoods, p.k());
    }

    /** Writes log N(x_i | component m) to {@code out[i·k + m]} for components from..to-1 (k = p.k()). */
    void compute(GaussianParameters p, int from, int to, double[] out) {
        if (p.type().isMatrix()) {
            matrixDensities(p, from, to, out);
        } else {
            diagonalDensities(p, from, to, out);
        }
    }

    private void matrixDensities(GaussianParameters p, int from, int to, double[] out) {
        int d = data.d();
        int k = p.k();
        boolean tied = p.type() == CovarianceType.TIED;
        long perComponent = 4L * MixtureData.BLOCK_ROWS * d;
        int group = tied ? to - from : (int) Math.max(1, Math.min(to - from, GEMM_OUTPUT_BYTES / perComponent));
        for (int first = from; first < to; first += group) {
            int last = Math.min(to, first + group);
            Projection projection = projection(p, first, last);
            int width = projection.width();
            INDArray factors = buffers.filled("factors", projection.factors(), d, width);
            for (int b = 0; b < data.blockCount(); b++) {
                float[] y = buffers.read(buffers.multiply("projected", data.block(b), false, factors));
                int start = data.blockStart(b);
                int firstComponent = first;
                RowChunks.forEach((int) data.block(b).rows(), (r0, r1) -> {
                    for (int r = r0; r < r1; r++) {
                        for (int m = firstComponent; m < last; m++) {
                            int c = m - firstComponent;
                            double q = Vectors.squaredDistance(y, r * width + (tied ? 0 : c * d), projection.shifts(),
                                    c * d, d);
                            out[(start + r) * k + m] = projection.constants()[c] - 0.5 * q;
                        }
                    }
                });
            }
        }
    }

    /**
     * For components first..last-1: the GEMM's right factor [P_first | … ] (d×width; tied: the one P), the shifts
     * (μ_m − centre)·P_m that turn x·P into (x − μ)·P in the centred frame, and −½ d log 2π + log det P_m.
     */
    private record Projection(float[] factors, int width, float[] shifts, double[] constants) {
    }

    private Projection projection(GaussianParameters p, int first, int last) {
        int d = data.d();
        boolean tied = p.type() == CovarianceType.TIED;
        int width = tied ? d : (last - first) * d;
        float[] factors = new float[d * width];
        float[] shifts = new float[(last - first) * d];
        double[] constants = new double[last - first];
        double[] pc = p.precisionCholesky();
        for (int m = first; m < last; m++) {
            int c = m - first;
            int off = p.matrixOffset(m);
            int column = tied ? 0 : c * d;
            for (int l = 0; l < d; l++) {
                for (int j = 0; j < d; j++) {
                    factors[l * width + column + j] = (float) pc[off + l * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += (p.means()[m * d + l] - data.center()[l]) * pc[off + l * d + j];
                }
                shifts[c * d + j] = (float) s;
            }
            constants[c] = -0.5 * d * LOG_2PI + p.logDetPrecisionCholesky()[m];
        }
        return new Projection(factors, width, shifts, constants);
    }

    private void diagonalDensities(GaussianParameters p, int from, int to, double[] out) {
        int d = data.d();
        int k = p.k();
        float[] x = data.centered();
        float[] mu = data.centeredMeans(p.means());
        double[] factorsDouble = p.diagonalPrecisionCholesky();
        float[] factors = new float[factorsDouble.length];
        for (int t = 0; t < factors.length; t++) {
            factors[t] = (float) factorsDouble[t];
        }
        double[] constants = new double[k];
        for (int m = from; m < to; m++) {
            constants[m] = -0.5 * d * LOG_2PI + p.logDetPrecisionCholesky()[m];
        }
        RowChunks.forEach(data.n(), (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                for (int m = from; m < to; m++) {
                    out[i * k + m] = constants[m] - 0.5 * scaledSquaredDistance(x, i * d, mu, factors, m * d, d);
                }
            }
        });
    }

    /** Σ_j ((x_j − μ_j)·s_j)² with x at xOff and μ, s at off; four partial sums as Vectors.squaredDistance. */
    private static double scaledSquaredDistance(float[] x, int xOff, float[] mu, float[] s, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            float d0 = (x[xOff + t] - mu[off + t]) * s[off + t];
            float d1 = (x[xOff + t + 1] - mu[off + t + 1]) * s[off + t + 1];
            float d2 = (x[xOff + t + 2] - mu[off + t + 2]) * s[off + t + 2];
            float d3 = (x[xOff + t + 3] - mu[off + t + 3]) * s[off + t + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; t < len; t++) {
            float dt = (x[xOff + t] - mu[off + t]) * s[off + t];
            s0 += dt * dt;
        }
        return s0 + s1 + s2 + s3;
    }
}
