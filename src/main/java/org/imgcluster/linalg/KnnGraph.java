package org.imgcluster.linalg;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The exact k nearest neighbours (Euclidean) of every row of an n×d matrix, as scikit-learn's
 * {@code kneighbors_graph}: row i lists its neighbours nearest first, with their distances. With {@code includeSelf}
 * each point is its own first neighbour (distance 0) followed by its k−1 nearest others, as sklearn's
 * {@code include_self=True}; otherwise the k nearest others.
 * <p>
 * Candidates come from squared distances ‖x_i‖² + ‖x_j‖² − 2·x_i·x_j by GEMM on the mean-centred data (so the
 * expansion loses less to cancellation), the norms carried as two extra columns so that the GEMM gives the distances
 * themselves; only the upper triangle of them (they are symmetric), selected in Java in parallel; the chosen neighbours'
 * distances are then recomputed directly and the rows re-sorted, so the distances returned are exact. Equal distances
 * keep the lower index first. The products are computed a tile at a time (256 rows × 4,096 columns, 4 MB), small
 * enough to stay in cache while both the tile's rows and its columns take their candidates from it: with whole row
 * blocks the products went to memory and were read back twice. Memory: the two n×(d+2) GEMM operands, one tile, and
 * n·k candidates and results.
 */
public final class KnnGraph {
    private static final long TILE_BYTES = 4L << 20;
    private static final int STRIP_ROWS = 256;
    private static final int ROWS_PER_TASK = 16;
    private static final int COLUMNS_PER_TASK = 512;
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
        return of(x, k, includeSelf, TILE_BYTES);
    }

    /** As {@link #of(DenseRows, int, boolean)}, with the products computed in tiles of at most tileBytes. */
    static KnnGraph of(DenseRows x, int k, boolean includeSelf, long tileBytes) {
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
            new Search(x, others).run(indices, distances, k, tileBytes);
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

    /** The candidate search over all rows, one tile of the upper triangle of the products at a time. */
    private static final class Search {
        private final float[] values;
        private final int n;
        private final int d;
        private final int others;
        private final INDArray left;
        private final INDArray right;

        Search(DenseRows x, int others) {
            this.values = x.values();
            this.n = x.n();
            this.d = x.d();
            this.others = others;
            INDArray c = GramBlocks.centred(x, DataType.FLOAT);
            float[] centred = NdArrays.values(c);
            float[] norms = NdArrays.values(Distances.rowSquaredNorms(c));
            // left_i·right_j = −2·c_i·c_j + ‖c_i‖² + ‖c_j‖²: rows [−2·c_i, ‖c_i‖², 1] and [c_j, 1, ‖c_j‖²].
            float[] l = new float[n * (d + 2)];
            float[] r = new float[n * (d + 2)];
            for (int i = 0; i < n; i++) {
                int in = i * d;
                int out = i * (d + 2);
                for (int t = 0; t < d; t++) {
                    l[out + t] = -2 * centred[in + t];
                    r[out + t] = centred[in + t];
                }
                l[out + d] = norms[i];
                l[out + d + 1] = 1;
                r[out + d] = 1;
                r[out + d + 1] = norms[i];
            }
            this.left = Nd4j.create(l, new long[] {n, d + 2}, DataType.FLOAT);
            this.right = Nd4j.create(r, new long[] {n, d + 2}, DataType.FLOAT);
        }

        /**
         * Fills the last {@code others} columns of every row of the results. The rows go in strips; each tile of a
         * strip (its rows against columns from the strip's first row on) offers its values to its rows, and those
         * of its columns right of the strip to those later rows. After its last tile a strip's rows are complete: the
         * columns left of the strip were offered to them as columns of earlier strips.
         */
        void run(int[] indices, float[] distances, int k, long tileBytes) {
            int[] bestIndex = new int[n * others];
            float[] bestValue = new float[n * others];
            Arrays.fill(bestValue, Float.POSITIVE_INFINITY);
            long tileFloats = Math.max(1, tileBytes / Float.BYTES);
            int stripRows = (int) Math.min(Math.min(n, STRIP_ROWS), Math.max(1, (long) Math.sqrt(tileFloats)));
            int tileColumns = (int) Math.min(n, Math.max(1, tileFloats / stripRows));
            DataBuffer tile = Nd4j.createUninitialized(DataType.FLOAT, (long) stripRows * tileColumns).data();
            for (int from = 0; from < n; from += stripRows) {
                int to = Math.min(n, from + stripRows);
                INDArray strip = Distances.rows(left, from, to);
                for (int first = from; first < n; first += tileColumns) {
                    int last = Math.min(n, first + tileColumns);
                    int width = last - first;
                    INDArray products = Nd4j.create(tile, new long[] {to - from, width}, new long[] {width, 1}, 0,
                            'c');
                    Nd4j.gemm(strip, Distances.rows(right, first, last), products, false, true, 1.0, 0.0);
                    offer(from, to, first, last, tile.asNioFloat(), bestIndex, bestValue);
                }
                finishRows(from, to, bestIndex, indices, distances, k);
            }
        }

        /**
         * One tile's products offered, in parallel tasks that write disjoint rows' candidates: to the strip's rows
         * from..to-1 (each task some of them), and to the later rows that are its columns from max(first, to) on
         * (each task some of those columns).
         */
        private void offer(int from, int to, int first, int last, FloatBuffer products, int[] bestIndex,
                           float[] bestValue) {
            int width = last - first;
            int rowTasks = (to - from + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            int start = Math.max(first, to);
            int columnTasks = Math.max(0, (last - start + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK);
            IntStream.range(0, rowTasks + columnTasks).parallel().forEach(t -> {
                if (t < rowTasks) {
                    float[] row = new float[width];
                    for (int i = from + t * ROWS_PER_TASK, end = Math.min(to, i + ROWS_PER_TASK); i < end; i++) {
                        products.get((i - from) * width, row, 0, width);
                        offerRow(i, row, first, last, bestIndex, bestValue);
                    }
                } else {
                    int column = start + (t - rowTasks) * COLUMNS_PER_TASK;
                    offerColumns(from, to, first, width, column, Math.min(COLUMNS_PER_TASK, last - column), products,
                            bestIndex, bestValue);
                }
            });
        }

        /** Rows from..to-1 in parallel, their candidates complete: the neighbours sorted by exact distance, written. */
        private void finishRows(int from, int to, int[] bestIndex, int[] indices, float[] distances, int k) {
            int tasks = (to - from + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                int[] chosen = new int[others];
                double[] exact = new double[others];
                for (int i = from + t * ROWS_PER_TASK, end = Math.min(to, i + ROWS_PER_TASK); i < end; i++) {
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
         * Columns column..column+count-1 of the tile (whose first column is {@code first}, {@code width} wide) are
         * rows i of later strips: each tile row j is offered to them in increasing j (ties keep the lower index). A
         * chunk of columns none of whose values beats its rows' current worst is skipped after a count.
         */
        private void offerColumns(int from, int to, int first, int width, int column, int count, FloatBuffer products,
                                  int[] bestIndex, float[] bestValue) {
            float[] segment = new float[count];
            float[] worst = new float[count];
            for (int q = 0; q < count; q++) {
                worst[q] = bestValue[(column + q) * others + others - 1];
            }
            for (int j = from; j < to; j++) {
                products.get((j - from) * width + column - first, segment, 0, count);
                for (int c = 0; c < count; c += CHUNK) {
                    int end = Math.min(count, c + CHUNK);
                    int hits = 0;
                    for (int q = c; q < end; q++) {
                        hits += segment[q] < worst[q] ? 1 : 0;
                    }
                    for (int q = c; hits > 0 && q < end; q++) {
                        float v = segment[q];
                        if (v < worst[q]) {
                            worst[q] = insert(column + q, j, v, bestIndex, bestValue);
                            hits--;
                        }
                    }
                }
            }
        }

        /**
         * Offers row i's squared distances to rows first..last-1 ({@code row[j − first]}) to its candidates: the
         * {@code others} smallest squared distances (j ≠ i). Most chunks hold no candidate and are skipped after a
         * cheap count.
         */
        private void offerRow(int i, float[] row, int first, int last, int[] bestIndex, float[] bestValue) {
            int worstAt = i * others + others - 1;
            for (int j = first; j < last; j += CHUNK) {
                int end = Math.min(last, j + CHUNK);
                int count = 0;
                float worst = bestValue[worstAt];
                for (int q = j; q < end; q++) {
                    count += row[q - first] < worst ? 1 : 0;
                }
                for (int q = j; count > 0 && q < end; q++) {
                    float v = row[q - first];
                    if (v < bestValue[worstAt] && q != i) {
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
