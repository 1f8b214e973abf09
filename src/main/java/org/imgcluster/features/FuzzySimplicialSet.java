package org.imgcluster.features;

import java.util.Arrays;

import org.imgcluster.linalg.KnnGraph;
import org.imgcluster.linalg.RowChunks;

/**
 * umap-learn 0.5.3's {@code fuzzy_simplicial_set} for a k-nearest-neighbour graph that lists each point first among
 * its own neighbours (local_connectivity 1, bandwidth 1, set_op_mix_ratio 1): each point's memberships
 * exp(−(d − ρ)/σ), with ρ its distance to the nearest other point and σ found by bisection so that they sum to
 * log2(k); then the fuzzy union A + Aᵀ − A∘Aᵀ.
 */
final class FuzzySimplicialSet {
    private static final double SMOOTH_K_TOLERANCE = 1e-5;
    private static final double MIN_K_DIST_SCALE = 1e-3;
    private static final int BISECTION_STEPS = 64;

    private FuzzySimplicialSet() {
    }

    /** The fuzzy graph of {@code knn}, which must include each point as its own first neighbour. */
    static FuzzyGraph of(KnnGraph knn) {
        int n = knn.n();
        int k = knn.k();
        float[] distances = knn.distances();
        double sum = 0;
        for (float d : distances) {
            sum += d;
        }
        double meanOfAll = sum / distances.length;
        float[] membership = new float[n * k];
        RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                memberships(i, knn, meanOfAll, membership);
            }
        });
        return union(n, k, knn.indices(), membership);
    }

    /** Row i of the directed memberships; the point itself gets 0, which leaves it out of the graph. */
    private static void memberships(int i, KnnGraph knn, double meanOfAll, float[] out) {
        int k = knn.k();
        int row = i * k;
        float[] distances = knn.distances();
        double rho = 0;
        double rowSum = 0;
        for (int j = 0; j < k; j++) {
            rowSum += distances[row + j];
            if (rho == 0 && distances[row + j] > 0) {
                rho = distances[row + j];
            }
        }
        double sigma = smoothedDistance(distances, row, k, rho);
        sigma = Math.max(sigma, MIN_K_DIST_SCALE * (rho > 0 ? rowSum / k : meanOfAll));
        for (int j = 0; j < k; j++) {
            double excess = distances[row + j] - rho;
            if (knn.indices()[row + j] == i) {
                out[row + j] = 0;
            } else {
                out[row + j] = excess <= 0 || sigma == 0 ? 1 : (float) Math.exp(-excess / sigma);
            }
        }
    }

    /** umap-learn's smooth_knn_dist: the σ at which Σ_{j ≥ 1} exp(−max(0, d_j − ρ)/σ) = log2(k), by bisection. */
    private static double smoothedDistance(float[] distances, int row, int k, double rho) {
        double target = Math.log(k) / Math.log(2);
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double sum = 0;
            for (int j = 1; j < k; j++) {
                double excess = distances[row + j] - rho;
                sum += excess > 0 ? Math.exp(-excess / mid) : 1;
            }
            if (Math.abs(sum - target) < SMOOTH_K_TOLERANCE) {
                break;
            }
            if (sum > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = Double.isInfinite(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }
        return mid;
    }

    /**
     * A + Aᵀ − A∘Aᵀ of the directed memberships. Each edge goes into both endpoints' rows as (column, weight) packed
     * in a long, so sorting a row by column brings the two directions of a pair together.
     */
    private static FuzzyGraph union(int n, int k, int[] neighbour, float[] membership) {
        int[] start = new int[n + 1];
        for (int p = 0; p < membership.length; p++) {
            if (membership[p] > 0) {
                start[p / k + 1]++;
                start[neighbour[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        long[] entries = new long[start[n]];
        int[] filled = Arrays.copyOf(start, n);
        for (int p = 0; p < membership.length; p++) {
            if (membership[p] > 0) {
                int i = p / k;
                int t = neighbour[p];
                entries[filled[i]++] = pack(t, membership[p]);
                entries[filled[t]++] = pack(i, membership[p]);
            }
        }
        RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                Arrays.sort(entries, start[i], start[i + 1]);
            }
        });
        return merged(n, start, entries);
    }

    /** Rows with each pair seen from both ends combined as a + b − a·b. */
    private static FuzzyGraph merged(int n, int[] start, long[] entries) {
        int[] newStart = new int[n + 1];
        int[] column = new int[entries.length];
        float[] weight = new float[entries.length];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                int c = (int) (entries[p] >>> 32);
                float w = Float.intBitsToFloat((int) entries[p]);
                if (e > newStart[i] && column[e - 1] == c) {
                    weight[e - 1] = weight[e - 1] + w - weight[e - 1] * w;
                } else {
                    column[e] = c;
                    weight[e++] = w;
                }
            }
            newStart[i + 1] = e;
        }
        return new FuzzyGraph(n, newStart, Arrays.copyOf(column, e), Arrays.copyOf(weight, e));
    }

    private static long pack(int column, float weight) {
        return (long) column << 32 | Float.floatToRawIntBits(weight) & 0xFFFFFFFFL;
    }
}
