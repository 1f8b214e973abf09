package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RowChunks;
import org.imgcluster.linalg.Vectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lloyd's k-means iterations accelerated with Elkan's bounds (Elkan 2003): each point keeps an upper bound on the
 * distance to its centre and a lower bound on the distance to every other centre, so after the first iterations only
 * a few exact distances are computed per step, and cluster sums are updated only for points that changed cluster.
 * The first assignment is one GEMM; later distances are single dot products in Java. The assignments are those of
 * plain Lloyd, with scikit-learn's stopping rules (labels unchanged, or total squared centre shift ≤ tol).
 * Memory: n·k floats of lower bounds beside the data.
 */
final class ElkanLloyd {
    private static final long BLOCK_BYTES = 64L << 20;
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    /** A full GEMM pass replaces the bounded step while more than 1/this of the points moved in the last step. */
    private static final int FULL_PASS_SHARE = 20;

    private final INDArray x;
    private final float[] xf;
    private final float[] xNorms;
    private final int n;
    private final int d;
    private final int k;

    private final int[] labels;
    private final double[] upper;
    private final float[] lower;
    private final double[] sums;
    private final int[] counts;
    private double[] centers;

    ElkanLloyd(DenseRows data, int k) {
        this.x = data.array();
        this.xf = data.values();
        this.xNorms = data.squaredNorms();
        this.n = data.n();
        this.d = data.d();
        this.k = k;
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new float[n * k];
        this.sums = new double[k * d];
        this.counts = new int[k];
    }

    KMeansModel run(INDArray initialCenters, int maxIter, double absTol) {
        centers = toDouble(initialCenters);
        assignAll(true);
        double[] initialSums = RowChunks.sum(n, k * d, (from, to, s) -> {
            for (int i = from; i < to; i++) {
                int off = i * d;
                int c = labels[i] * d;
                for (int t = 0; t < d; t++) {
                    s[c + t] += xf[off + t];
                }
            }
        });
        System.arraycopy(initialSums, 0, sums, 0, sums.length);
        for (int label : labels) {
            counts[label]++;
        }
        int iter = 0;
        int changes = n;
        boolean stable = false;
        while (true) {
            iter++;
            double[] moved = updateCenters();
            double shift = 0;
            for (double m : moved) {
                shift += m * m;
            }
            stable = iter > 1 && changes == 0;
            if (stable || shift <= absTol || iter >= maxIter) {
                break;
            }
            // While many points still move, the bounds save little: one GEMM pass refreshes them all exactly.
            changes = changes > n / FULL_PASS_SHARE ? assignAll(false) : boundedAssign(moved);
        }
        float[] finalValues = toFloat(centers);
        INDArray finalCenters = NdArrays.matrix(finalValues, k, d);
        if (!stable) {
            // As scikit-learn: a last assignment makes the labels match the final centres. (When no point moved in
            // the last step, the centres did not move either, and the labels already match.)
            Assignment.assign(x, xNorms, finalCenters, labels, new float[n], BLOCK_BYTES);
        }
        double inertia = Assignment.exactInertia(xf, d, labels, finalValues);
        return new KMeansModel(labels, finalCenters, inertia, iter);
    }

    /**
     * Every distance at once, by GEMM in row blocks: labels, the upper bound and all lower bounds. Unless
     * {@code initial}, points that change cluster are moved between the sums; returns how many did.
     */
    private int assignAll(boolean initial) {
        float[] cf = toFloat(centers);
        INDArray centerMatrix = NdArrays.matrix(cf, k, d);
        float[] cNorms = new float[k];
        for (int j = 0; j < k; j++) {
            cNorms[j] = (float) Vectors.squaredDistance(cf, j * d, new float[d], 0, d);
        }
        int block = Distances.blockRows(k, BLOCK_BYTES);
        int changes = 0;
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            float[] dots = NdArrays.values(NdArrays.timesTransposed(Distances.rows(x, from, to), centerMatrix));
            for (int i = from; i < to; i++) {
                int base = (i - from) * k;
                int best = 0;
                for (int j = 0; j < k; j++) {
                    float dist = (float) Math.sqrt(Math.max(0.0, (double) xNorms[i] + cNorms[j] - 2.0 * dots[base + j]));
                    lower[i * k + j] = dist;
                    if (dist < lower[i * k + best]) {
                        best = j;
                    }
                }
                if (!initial && best != labels[i]) {
                    add(i, labels[i], -1);
                    add(i, best, 1);
                    changes++;
                }
                labels[i] = best;
                upper[i] = lower[i * k + best];
            }
        }
        return changes;
    }

    /** New centres from the sums; returns how far each centre moved. Empty clusters are re-seeded first. */
    private double[] updateCenters() {
        if (Arrays.stream(counts).anyMatch(c -> c == 0)) {
            relocateEmptyClusters();
        }
        double[] moved = new double[k];
        for (int j = 0; j < k; j++) {
            double sq = 0;
            for (int t = 0; t < d; t++) {
                double c = sums[j * d + t] / counts[j];
                double diff = c - centers[j * d + t];
                sq += diff * diff;
                centers[j * d + t] = c;
            }
            moved[j] = Math.sqrt(sq);
        }
        return moved;
    }

    /** As scikit-learn: an empty cluster takes the point farthest from its centre (from a cluster of ≥ 2 points). */
    private void relocateEmptyClusters() {
        float[] minDist = new float[n];
        int[] exact = new int[n];
        Assignment.assign(x, xNorms, NdArrays.matrix(toFloat(centers), k, d), exact, minDist,
                BLOCK_BYTES);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(minDist[b], minDist[a]));
        int next = 0;
        for (int j = 0; j < k; j++) {
            if (counts[j] != 0) {
                continue;
            }
            int far = order[next++];
            while (counts[labels[far]] < 2) {
                far = order[next++];
            }
            add(far, labels[far], -1);
            labels[far] = j;
            add(far, j, 1);
        }
        // Centres jump; zero lower bounds are always valid and make every point be checked next step.
        Arrays.fill(lower, 0f);
    }

    /** One assignment step using the bounds; returns how many points changed cluster. */
    private int boundedAssign(double[] moved) {
        float[] cf = toFloat(centers);
        double[] halfGap = new double[k * k];
        double[] nearest = new double[k];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double h = Math.sqrt(Vectors.squaredDistance(cf, a * d, cf, b * d, d)) / 2;
                halfGap[a * k + b] = h;
                halfGap[b * k + a] = h;
                nearest[a] = Math.min(nearest[a], h);
                nearest[b] = Math.min(nearest[b], h);
            }
        }
        // Points are independent given the centres: chunks run in parallel, then the moves update the sums serially.
        int chunks = Math.min(PARALLELISM, Math.max(1, n / 4096));
        int[][] moves = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> assignChunk(c * (long) n / chunks, (c + 1) * (long) n / chunks, moved, cf, halfGap, nearest))
                .toArray(int[][]::new);
        int changes = 0;
        for (int[] chunk : moves) {
            // chunk holds (point, old label) pairs; the new label is already in labels[point].
            for (int t = 0; t < chunk.length; t += 2) {
                add(chunk[t], chunk[t + 1], -1);
                add(chunk[t], labels[chunk[t]], 1);
                changes++;
            }
        }
        return changes;
    }

    /** The bounded assignment of points from..to-1; returns their moves as (point, old label) pairs. */
    private int[] assignChunk(long from, long to, double[] moved, float[] cf, double[] halfGap, double[] nearest) {
        IntStream.Builder moves = IntStream.builder();
        for (int i = (int) from; i < to; i++) {
            int a = labels[i];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                lower[row + j] = (float) Math.max(0.0, lower[row + j] - moved[j]);
            }
            double u = upper[i] + moved[a];
            if (u <= nearest[a]) {
                upper[i] = u;
                continue;
            }
            boolean stale = true;
            for (int j = 0; j < k; j++) {
                if (j == a || u <= lower[row + j] || u <= halfGap[a * k + j]) {
                    continue;
                }
                if (stale) {
                    u = Math.sqrt(Vectors.squaredDistance(xf, i * d, cf, a * d, d));
                    lower[row + a] = (float) u;
                    stale = false;
                    if (u <= lower[row + j] || u <= halfGap[a * k + j]) {
                        continue;
                    }
                }
                double dj = Math.sqrt(Vectors.squaredDistance(xf, i * d, cf, j * d, d));
                lower[row + j] = (float) dj;
                if (dj < u) {
                    a = j;
                    u = dj;
                }
            }
            upper[i] = u;
            if (a != labels[i]) {
                moves.add(i).add(labels[i]);
                labels[i] = a;
            }
        }
        return moves.build().toArray();
    }

    /** Adds (sign 1) or removes (sign -1) point i to or from cluster j's running sum. */
    private void add(int i, int j, int sign) {
        int off = i * d;
        int c = j * d;
        for (int t = 0; t < d; t++) {
            sums[c + t] += sign * xf[off + t];
        }
        counts[j] += sign;
    }

    private double[] toDouble(INDArray a) {
        float[] f = NdArrays.values(a);
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }
}
