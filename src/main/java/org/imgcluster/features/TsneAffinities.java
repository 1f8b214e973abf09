package org.imgcluster.features;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.GramBlocks;

/**
 * t-SNE's joint probabilities P as scikit-learn 1.2's exact method computes them ({@code _joint_probabilities}): for
 * each point the Gaussian over squared distances whose entropy is ln(perplexity) (bisection on its precision, 100
 * steps, tolerance 1e-5, as {@code _binary_search_perplexity}), stored in float32, then p_ij = (p_j|i + p_i|j) / Σ,
 * at least 2.2e-16, and p_ii = 0. The squared distances come from GEMM row blocks and are never all held at once.
 * Memory: the n×n floats of P.
 */
final class TsneAffinities {
    private static final int BISECTION_STEPS = 100;
    private static final double ENTROPY_TOLERANCE = 1e-5;
    private static final double EMPTY_ROW_SUM = 1e-8;
    private static final double MACHINE_EPSILON = Math.ulp(1.0);
    private static final long BLOCK_BYTES = 64L << 20;

    private TsneAffinities() {
    }

    /** The symmetric n×n P of the rows of {@code x}; entries of each row sum to about 1/n, all to 1. */
    static float[][] of(DenseRows x, double perplexity) {
        int n = x.n();
        float[][] p = new float[n][];
        GramBlocks.forEachSquaredDistanceRow(x, BLOCK_BYTES, (i, row) -> {
            row[i] = 0;
            p[i] = conditional(row, i, Math.log(perplexity));
        });
        symmetrise(p);
        return p;
    }

    /** p_j|i over the squared distances {@code d} from point i, by bisection on the precision β (in place). */
    private static float[] conditional(float[] d, int i, double entropy) {
        int n = d.length;
        float[] p = new float[n];
        double beta = 1;
        double betaMin = Double.NEGATIVE_INFINITY;
        double betaMax = Double.POSITIVE_INFINITY;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                p[j] = j == i ? 0 : (float) Math.exp(-d[j] * beta);
                sum += p[j];
            }
            if (sum == 0) {
                sum = EMPTY_ROW_SUM;
            }
            double weighted = 0;
            for (int j = 0; j < n; j++) {
                p[j] = (float) (p[j] / sum);
                weighted += (double) d[j] * p[j];
            }
            double excess = Math.log(sum) + beta * weighted - entropy;
            if (Math.abs(excess) <= ENTROPY_TOLERANCE) {
                break;
            }
            if (excess > 0) {
                betaMin = beta;
                beta = Double.isInfinite(betaMax) ? beta * 2 : (beta + betaMax) / 2;
            } else {
                betaMax = beta;
                beta = Double.isInfinite(betaMin) ? beta / 2 : (beta + betaMin) / 2;
            }
        }
        return p;
    }

    /** P ← max((P + Pᵀ) / ΣP, machine epsilon) off the diagonal, in place. */
    private static void symmetrise(float[][] p) {
        int n = p.length;
        double total = 0;
        for (float[] row : p) {
            for (float v : row) {
                total += v;
            }
        }
        double sum = 2 * total;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float joint = (float) Math.max((p[i][j] + p[j][i]) / sum, MACHINE_EPSILON);
                p[i][j] = joint;
                p[j][i] = joint;
            }
        }
    }
}
