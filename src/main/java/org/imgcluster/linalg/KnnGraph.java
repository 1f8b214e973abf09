package org.imgcluster.linalg;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact k nearest neighbours (Euclidean) of every row of an n×d matrix, as scikit-learn's
 * {@code kneighbors_graph}: row i lists its neighbours nearest first, with their distances. With {@code includeSelf}
 * each point is its own first neighbour (distance 0) followed by its k−1 nearest others, as sklearn's
 * {@code include_self=True}; otherwise the k nearest others.
 * <p>
 * Candidates come from blocked GEMM dot products (row block × all rows, on the mean-centred data so the norm
 * expansion loses less to cancellation), selected per row in Java in parallel; the chosen neighbours' distances are
 * then recomputed directly and the rows re-sorted, so the distances returned are exact. Equal distances keep the
 * lower index first. Memory: O(block·n) floats of products in flight plus the n·k results.
 */
public final class KnnGraph {
    private static final long BLOCK_BYTES = 64L << 20;
    private static final int ROWS_PER_TASK = 16;
    private static final int CHUNK = 32;

    private final int n;
    private final int k;
    private final int[] indices;
    private final float[] distances;

    private KnnGraph(int n, int k, int[] indices, float[] distances) {
        this.n = n;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** The k nearest neighbours of every row of {@code x}; 1 ≤ k ≤ n−1 (n with {@code includeSelf}). */
    public static KnnGraph of(DenseRows x, int k, boolean includeSelf) {
        int n = x.n();
        int max = includeSelf ? n : n - 1;
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("n_neighbors = " + k + " is outside 1.." + max + " (the number of points"
                    + (includeSelf ? "" : " minus the point itself") + ")");
        }
        int others = includeSelf ? k - 1 : k;
        int[] indices = new int[n * k];
        float[] distances = new float[n * k];
        if (others > 0) {
            new Search(x, others).run(indices, distances, k);
        }
        if (includeSelf) {
            for (int i = 0; i < n; i++) {
                indices[i * k] = i;
            }
        }
        return new KnnGraph(n, k, indices, distances);
    }

    /** Number of points. */
    public int n() {
        return n;
    }

    /** Neighbours per point. */
    public int k() {
        return k;
    }

    /** The j-th nearest neighbour of point i (0 ≤ j < k). */
    public int neighbor(int i, int j) {
        return indices[i * k + j];
    }

    /** Its Euclidean distance. */
    public float distance(int i, int j) {
        return distances[i * k + j];
    }

    /** The n×k neighbour indices, row-major (the graph's own array: read, do not modify). */
    public int[] indices() {
        return indices;
    }

    /** The n×k distances, row-major (the graph's own array: read, do not modify). */
    public float[] distances() {
        return distances;
    }

    /** The candidate search over all rows for one row block at a time. */
    private static final class Search {
        private final float[] values;
        private final int n;
        private final int d;
        private final int others;
        private final INDArray centred;
        private final float[] norms;

        Search(DenseRows x, int others) {
            this.values = x.values();
            this.n = x.n();
            this.d = x.d();
            this.others = others;
            this.centred = GramBlocks.centred(x, DataType.FLOAT);
            this.norms = NdArrays.values(Distances.rowSquaredNorms(centred));
        }

        /** Fills the last {@code others} columns of every row of the results, block by block. */
        void run(int[] indices, float[] distances, int k) {
            GramBlocks.forEachBlock(centred, -2.0, BLOCK_BYTES,
                    (from, to, products) -> select(from, to, products.asNioFloat(), indices, distances, k));
        }

        /** Rows from..to-1 in parallel, each copied from the products (−2·x_i·x_j) into a reused Java row. */
        private void select(int from, int to, FloatBuffer products, int[] indices, float[] distances, int k) {
            int tasks = (to - from + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                float[] row = new float[n];
                int[] bestIndex = new int[others];
                float[] bestValue = new float[others];
                double[] exact = new double[others];
                for (int i = from + t * ROWS_PER_TASK, end = Math.min(to, i + ROWS_PER_TASK); i < end; i++) {
                    products.get((i - from) * n, row, 0, n);
                    nearest(i, row, bestIndex, bestValue);
                    sortByExactDistance(i, bestIndex, exact);
                    int out = i * k + k - others;
                    for (int j = 0; j < others; j++) {
                        indices[out + j] = bestIndex[j];
                        distances[out + j] = (float) Math.sqrt(exact[j]);
                    }
                }
            });
        }

        /**
         * The {@code others} smallest ‖x_j‖² − 2·x_i·x_j (j ≠ i), kept sorted by insertion (k is small). Most chunks of
         * the row hold no candidate and are skipped after a cheap count.
         */
        private void nearest(int i, float[] row, int[] bestIndex, float[] bestValue) {
            Arrays.fill(bestValue, Float.POSITIVE_INFINITY);
            int j = 0;
            for (; j + CHUNK <= n; j += CHUNK) {
                if (beating(row, j, bestValue[others - 1]) > 0) {
                    offer(i, row, j, j + CHUNK, bestIndex, bestValue);
                }
            }
            offer(i, row, j, n, bestIndex, bestValue);
        }

        /** How many of the chunk's values beat {@code worst}; a branch-free count is faster than compare-and-branch. */
        private int beating(float[] row, int from, float worst) {
            int count = 0;
            for (int q = from; q < from + CHUNK; q++) {
                count += norms[q] + row[q] < worst ? 1 : 0;
            }
            return count;
        }

        /** Inserts the candidates from..to-1 that beat the current worst; equal values keep the lower index first. */
        private void offer(int i, float[] row, int from, int to, int[] bestIndex, float[] bestValue) {
            int last = others - 1;
            for (int j = from; j < to; j++) {
                float v = norms[j] + row[j];
                if (v < bestValue[last] && j != i) {
                    int p = last;
                    while (p > 0 && bestValue[p - 1] > v) {
                        bestValue[p] = bestValue[p - 1];
                        bestIndex[p] = bestIndex[p - 1];
                        p--;
                    }
                    bestValue[p] = v;
                    bestIndex[p] = j;
                }
            }
        }

        /** Exact squared distances of the chosen neighbours, and both arrays sorted by them (then by index). */
        private void sortByExactDistance(int i, int[] bestIndex, double[] exact) {
            for (int j = 0; j < others; j++) {
                exact[j] = squaredDistance(i, bestIndex[j]);
            }
            for (int j = 1; j < others; j++) {
                double e = exact[j];
                int idx = bestIndex[j];
                int p = j;
                while (p > 0 && (exact[p - 1] > e || exact[p - 1] == e && bestIndex[p - 1] > idx)) {
                    exact[p] = exact[p - 1];
                    bestIndex[p] = bestIndex[p - 1];
                    p--;
                }
                exact[p] = e;
                bestIndex[p] = idx;
            }
        }

        private double squaredDistance(int a, int b) {
            double s = 0;
            for (int t = 0, ao = a * d, bo = b * d; t < d; t++) {
                double diff = (double) values[ao + t] - values[bo + t];
                s += diff * diff;
            }
            return s;
        }
    }
}
