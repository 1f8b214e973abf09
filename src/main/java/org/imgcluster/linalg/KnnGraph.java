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
 * Candidates come from blocked GEMM dot products on the mean-centred data (so the norm expansion loses less to
 * cancellation), only the upper triangle of them (the products are symmetric: half the GEMM work of row blocks × all
 * rows), selected in Java in parallel; the chosen neighbours' distances are then recomputed directly and the rows
 * re-sorted, so the distances returned are exact. Equal distances keep the lower index first. Memory: a 64 MB block of
 * products in flight plus n·k candidates and results.
 */
public final class KnnGraph {
    private static final long BLOCK_BYTES = 64L << 20;
    private static final int ROWS_PER_TASK = 16;
    private static final int COLUMNS_PER_TASK = 4096;
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
        return of(x, k, includeSelf, BLOCK_BYTES);
    }

    /** As {@link #of(DenseRows, int, boolean)}, with the products computed in blocks of at most budgetBytes. */
    static KnnGraph of(DenseRows x, int k, boolean includeSelf, long budgetBytes) {
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
            new Search(x, others).run(indices, distances, k, budgetBytes);
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

        /**
         * Fills the last {@code others} columns of every row of the results. Each block of the upper triangle of the
         * products offers its rows' values to those rows (which are then complete: the columns left of the block
         * were offered to them as columns of earlier blocks), and its columns right of the block to those later rows.
         */
        void run(int[] indices, float[] distances, int k, long budgetBytes) {
            int[] bestIndex = new int[n * others];
            float[] bestValue = new float[n * others];
            Arrays.fill(bestValue, Float.POSITIVE_INFINITY);
            GramBlocks.forEachUpperBlock(centred, -2.0, budgetBytes, (from, to, products) -> {
                FloatBuffer values = products.asNioFloat();
                finishRows(from, to, values, bestIndex, bestValue, indices, distances, k);
                offerToLaterRows(from, to, values, bestIndex, bestValue);
            });
        }

        /** Rows from..to-1 in parallel: their products with rows from..n-1 offered, then their neighbours written. */
        private void finishRows(int from, int to, FloatBuffer products, int[] bestIndex, float[] bestValue,
                                int[] indices, float[] distances, int k) {
            int columns = n - from;
            int tasks = (to - from + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                float[] row = new float[columns];
                int[] chosen = new int[others];
                double[] exact = new double[others];
                for (int i = from + t * ROWS_PER_TASK, end = Math.min(to, i + ROWS_PER_TASK); i < end; i++) {
                    products.get((i - from) * columns, row, 0, columns);
                    offerRow(i, row, from, bestIndex, bestValue);
                    System.arraycopy(bestIndex, i * others, chosen, 0, others);
                    sortByExactDistance(i, chosen, exact);
                    int out = i * k + k - others;
                    for (int j = 0; j < others; j++) {
                        indices[out + j] = chosen[j];
                        distances[out + j] = (float) Math.sqrt(exact[j]);
                    }
                }
            });
        }

        /**
         * The block's columns to..n-1 are rows i of later blocks: each block row j is offered to them, the columns
         * split among tasks so each row's candidates have one writer, and offered in increasing j (ties keep the lower
         * index). A chunk of columns none of whose values beats its rows' current worst is skipped after a count.
         */
        private void offerToLaterRows(int from, int to, FloatBuffer products, int[] bestIndex, float[] bestValue) {
            int columns = n - from;
            int tasks = (n - to + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                int first = to + t * COLUMNS_PER_TASK;
                int width = Math.min(COLUMNS_PER_TASK, n - first);
                float[] segment = new float[width];
                float[] worst = new float[width];
                for (int q = 0; q < width; q++) {
                    worst[q] = bestValue[(first + q) * others + others - 1];
                }
                for (int j = from; j < to; j++) {
                    products.get((j - from) * columns + first - from, segment, 0, width);
                    float norm = norms[j];
                    for (int c = 0; c < width; c += CHUNK) {
                        int end = Math.min(width, c + CHUNK);
                        int count = 0;
                        for (int q = c; q < end; q++) {
                            count += norm + segment[q] < worst[q] ? 1 : 0;
                        }
                        for (int q = c; count > 0 && q < end; q++) {
                            float v = norm + segment[q];
                            if (v < worst[q]) {
                                worst[q] = insert(first + q, j, v, bestIndex, bestValue);
                                count--;
                            }
                        }
                    }
                }
            });
        }

        /**
         * Offers row i's products with rows from..n-1 ({@code row[j − from]}) to its candidates: the {@code others}
         * smallest ‖x_j‖² − 2·x_i·x_j (j ≠ i). Most chunks hold no candidate and are skipped after a cheap count.
         */
        private void offerRow(int i, float[] row, int from, int[] bestIndex, float[] bestValue) {
            int last = i * others + others - 1;
            for (int j = from; j < n; j += CHUNK) {
                int end = Math.min(n, j + CHUNK);
                int count = 0;
                float worst = bestValue[last];
                for (int q = j; q < end; q++) {
                    count += norms[q] + row[q - from] < worst ? 1 : 0;
                }
                for (int q = j; count > 0 && q < end; q++) {
                    float v = norms[q] + row[q - from];
                    if (v < bestValue[last] && q != i) {
                        insert(i, q, v, bestIndex, bestValue);
                    }
                }
            }
        }

        /**
         * Puts candidate j with value v into row i's sorted candidates (v beats the current worst); equal values keep
         * the earlier candidate first. Returns the row's new worst value.
         */
        private float insert(int i, int j, float v, int[] bestIndex, float[] bestValue) {
            int base = i * others;
            int p = base + others - 1;
            while (p > base && bestValue[p - 1] > v) {
                bestValue[p] = bestValue[p - 1];
                bestIndex[p] = bestIndex[p - 1];
                p--;
            }
            bestValue[p] = v;
            bestIndex[p] = j;
            return bestValue[base + others - 1];
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
