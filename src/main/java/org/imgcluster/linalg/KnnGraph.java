package org.imgcluster.linalg;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact k nearest neighbours (Euclidean) of every row of an n×d matrix, as scikit-learn's
 * {@code kneighbors_graph}: row i lists its neighbours nearest first, with their distances. With {@code includeSelf}
 * each point is its own first neighbour (distance 0) followed by its k−1 nearest others, as sklearn's
 * {@code include_self=True}; otherwise the k nearest others.
 * <p>
 * Candidates come from squared distances ‖x_i‖² + ‖x_j‖² − 2·x_i·x_j by GEMM on the mean-centred data (so the
 * expansion loses less to cancellation), the norms carried as two extra columns so that the GEMM gives the distances
 * themselves; only the upper triangle of them (they are symmetric). The chosen candidates' distances are then
 * recomputed directly and the rows re-sorted, so the distances returned are exact; equal distances keep the lower
 * index first. The products are computed a tile at a time (256 rows × 512 columns, 512 KB), small enough to stay in
 * a core's cache while both the tile's rows and its columns take their candidates from it. Each worker thread (one
 * per core) computes its own tiles with a one-thread GEMM and keeps its own candidates, merged at the end. Memory: the
 * two n×(d+2) GEMM operands (heap and native copies), per worker a tile (heap and native) and n·(k+2) candidates,
 * and the results.
 */
public final class KnnGraph {
    private static final long TILE_BYTES = 512L << 10;
    private static final int STRIP_ROWS = 256;
    private static final int CHUNK = 32;
    /**
     * Candidates kept beyond the k asked for: the float products' rounding (a few 10⁻⁷ of the squared norms) can order
     * two nearly equal distances wrongly, which the exact re-sort then corrects among the kept ones.
     */
    private static final int SPARE = 2;

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
        return of(x, k, includeSelf, TILE_BYTES, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #of(DenseRows, int, boolean)}, with the products computed in tiles of at most tileBytes by at most
     * {@code workers} threads.
     */
    static KnnGraph of(DenseRows x, int k, boolean includeSelf, long tileBytes, int workers) {
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
            new Search(x, others).run(indices, distances, k, tileBytes, workers);
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

    /**
     * The candidate search over all rows: the tiles of the upper triangle of the products, shared out among worker
     * threads that each compute a tile with a one-thread GEMM and take candidates from it while it is in their cache,
     * into candidate lists of their own; the lists are merged at the end. Handing each tile to OpenBLAS's threads and
     * then to Java's was slower: 2.9–3.2 s against 1.8–1.9 s for Fashion-MNIST's PCA-50 (60,000 points, 2 cores).
     */
    private static final class Search {
        private final float[] values;
        private final int n;
        private final int d;
        private final int others;
        private final int kept;
        private final float[] left;
        private final float[] right;

        Search(DenseRows x, int others) {
            this.values = x.values();
            this.n = x.n();
            this.d = x.d();
            this.others = others;
            this.kept = Math.min(others + SPARE, n - 1);
            INDArray c = GramBlocks.centred(x, DataType.FLOAT);
            float[] centred = NdArrays.values(c);
            float[] norms = NdArrays.values(Distances.rowSquaredNorms(c));
            // left_i·right_j = −2·c_i·c_j + ‖c_i‖² + ‖c_j‖²: rows [−2·c_i, ‖c_i‖², 1] and [c_j, 1, ‖c_j‖²].
            left = new float[n * (d + 2)];
            right = new float[n * (d + 2)];
            for (int i = 0; i < n; i++) {
                int in = i * d;
                int out = i * (d + 2);
                for (int t = 0; t < d; t++) {
                    left[out + t] = -2 * centred[in + t];
                    right[out + t] = centred[in + t];
                }
                left[out + d] = norms[i];
                left[out + d + 1] = 1;
                right[out + d] = 1;
                right[out + d + 1] = norms[i];
            }
        }

        /**
         * Fills the last {@code others} columns of every row of the results. The rows go in strips; each tile of a
         * strip (its rows against columns from the strip's first row on) offers its values to its rows, and those
         * of its columns right of the strip to those later rows, so every pair is offered to both its rows once.
         */
        void run(int[] indices, float[] distances, int k, long tileBytes, int maxWorkers) {
            long tileFloats = Math.max(1, tileBytes / Float.BYTES);
            int stripRows = (int) Math.min(Math.min(n, STRIP_ROWS), Math.max(1, (long) Math.sqrt(tileFloats)));
            int tileColumns = (int) Math.min(n, Math.max(1, tileFloats / stripRows));
            int strips = (n + stripRows - 1) / stripRows;
            int[] firstTile = new int[strips + 1];
            for (int s = 0; s < strips; s++) {
                firstTile[s + 1] = firstTile[s] + (n - s * stripRows + tileColumns - 1) / tileColumns;
            }
            Tiling tiling = new Tiling(stripRows, tileColumns, firstTile);
            int workers = Math.max(1, Math.min(maxWorkers, firstTile[strips]));
            Candidates[] found = new Candidates[workers];
            AtomicInteger next = new AtomicInteger();
            try (FloatPointer l = new FloatPointer(left); FloatPointer r = new FloatPointer(right);
                 Blas.OneThread scope = Blas.oneThread()) {
                IntStream.range(0, workers).parallel().forEach(w -> found[w] = work(tiling, next, l, r));
            }
            Candidates all = found[0];
            RowChunks.forEach(n, (from, to) -> {
                for (int w = 1; w < workers; w++) {
                    all.addAll(found[w], from, to);
                }
                finishRows(from, to, all, indices, distances, k);
            });
        }

        /** The tiles' layout: strips of stripRows rows; strip s's tiles are numbered firstTile[s]..firstTile[s+1]-1. */
        private record Tiling(int stripRows, int tileColumns, int[] firstTile) {
            int count() {
                return firstTile[firstTile.length - 1];
            }

            int strip(int tile) {
                int s = Arrays.binarySearch(firstTile, tile);
                return s >= 0 ? s : -s - 2;
            }
        }

        /** One worker: takes tiles in turn until none is left; returns the candidates its tiles offered. */
        private Candidates work(Tiling tiling, AtomicInteger next, FloatPointer l, FloatPointer r) {
            Candidates mine = new Candidates(n, kept);
            float[] tile = new float[tiling.stripRows() * tiling.tileColumns()];
            float[] worst = new float[tiling.tileColumns()];
            try (FloatPointer products = new FloatPointer(tile.length)) {
                for (int t = next.getAndIncrement(); t < tiling.count(); t = next.getAndIncrement()) {
                    int s = tiling.strip(t);
                    int from = s * tiling.stripRows();
                    int to = Math.min(n, from + tiling.stripRows());
                    int first = from + (t - tiling.firstTile()[s]) * tiling.tileColumns();
                    int last = Math.min(n, first + tiling.tileColumns());
                    int width = last - first;
                    Blas.gemm(to - from, width, d + 2, l.getPointer((long) from * (d + 2)),
                            r.getPointer((long) first * (d + 2)), products);
                    products.get(tile, 0, (to - from) * width);
                    for (int i = from; i < to; i++) {
                        offerRow(i, tile, (i - from) * width, first, last, mine);
                    }
                    offerColumns(from, to, first, width, Math.max(first, to), last, tile, worst, mine);
                }
            }
            return mine;
        }

        /**
         * Offers row i's squared distances to columns first..last-1 ({@code tile[offset + j − first]}) to its
         * candidates (j ≠ i). Most chunks hold no candidate and are skipped after a cheap count.
         */
        private void offerRow(int i, float[] tile, int offset, int first, int last, Candidates mine) {
            int shift = offset - first;
            for (int j = first; j < last; j += CHUNK) {
                int end = Math.min(last, j + CHUNK);
                float worst = mine.worst(i);
                int count = 0;
                for (int q = j; q < end; q++) {
                    count += tile[shift + q] <= worst ? 1 : 0;
                }
                for (int q = j; count > 0 && q < end; q++) {
                    float v = tile[shift + q];
                    if (v <= worst) {
                        count--;
                        if (q != i) {
                            worst = mine.insert(i, q, v);
                        }
                    }
                }
            }
        }

        /**
         * Columns start..last-1 of the tile (rows from..to-1 against columns first..first+width-1) are rows of later
         * strips: each tile row j is offered to them. A chunk of columns none of whose values beats its
         * rows' current worst is skipped after a count.
         */
        private void offerColumns(int from, int to, int first, int width, int start, int last, float[] tile,
                                  float[] worst, Candidates mine) {
            for (int q = start; q < last; q++) {
                worst[q - start] = mine.worst(q);
            }
            for (int j = from; j < to; j++) {
                int shift = (j - from) * width - first;
                for (int c = start; c < last; c += CHUNK) {
                    int end = Math.min(last, c + CHUNK);
                    int hits = 0;
                    for (int q = c; q < end; q++) {
                        hits += tile[shift + q] <= worst[q - start] ? 1 : 0;
                    }
                    for (int q = c; hits > 0 && q < end; q++) {
                        float v = tile[shift + q];
                        if (v <= worst[q - start]) {
                            worst[q - start] = mine.insert(q, j, v);
                            hits--;
                        }
                    }
                }
            }
        }

        /** Rows from..to-1, their candidates complete: the neighbours sorted by exact distance, written. */
        private void finishRows(int from, int to, Candidates all, int[] indices, float[] distances, int k) {
            int[] chosen = new int[kept];
            double[] exact = new double[kept];
            for (int i = from; i < to; i++) {
                System.arraycopy(all.index, i * kept, chosen, 0, kept);
                if (chosen[kept - 1] == Integer.MAX_VALUE) {
                    // Only a NaN product leaves a slot empty: every other point was offered to row i.
                    throw new IllegalArgumentException("the squared distances of row " + i + " overflow float "
                            + "(values too large for a kNN graph; scale the features)");
                }
                sortByExactDistance(i, chosen, exact);
                int out = i * k + k - others;
                for (int j = 0; j < others; j++) {
                    indices[out + j] = chosen[j];
                    distances[out + j] = (float) Math.sqrt(exact[j]);
                }
            }
        }

        /** Exact squared distances of the chosen neighbours, and both arrays sorted by them (then by index). */
        private void sortByExactDistance(int i, int[] chosen, double[] exact) {
            for (int j = 0; j < chosen.length; j++) {
                exact[j] = squaredDistance(i, chosen[j]);
            }
            for (int j = 1; j < chosen.length; j++) {
                double e = exact[j];
                int idx = chosen[j];
                int p = j;
                while (p > 0 && (exact[p - 1] > e || exact[p - 1] == e && chosen[p - 1] > idx)) {
                    exact[p] = exact[p - 1];
                    chosen[p] = chosen[p - 1];
                    p--;
                }
                exact[p] = e;
                chosen[p] = idx;
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

    /**
     * Each row's {@code size} best candidates so far, sorted by squared distance and then index, so that the lists
     * found by several workers merge into the ones a single pass would give: equal distances keep the lower index.
     */
    private static final class Candidates {
        private final int size;
        private final int[] index;
        private final float[] value;

        Candidates(int n, int size) {
            this.size = size;
            this.index = new int[n * size];
            this.value = new float[n * size];
            Arrays.fill(index, Integer.MAX_VALUE);
            Arrays.fill(value, Float.POSITIVE_INFINITY);
        }

        /** Row i's worst candidate's squared distance: a value above it is no candidate. */
        float worst(int i) {
            return value[i * size + size - 1];
        }

        /** Offers candidate j at squared distance v to row i; returns the row's worst afterwards. */
        float insert(int i, int j, float v) {
            int base = i * size;
            int p = base + size - 1;
            if (!before(v, j, value[p], index[p])) {
                return value[p];
            }
            while (p > base && before(v, j, value[p - 1], index[p - 1])) {
                value[p] = value[p - 1];
                index[p] = index[p - 1];
                p--;
            }
            value[p] = v;
            index[p] = j;
            return value[base + size - 1];
        }

        /** Offers rows from..to-1 of another worker's candidates to these. */
        void addAll(Candidates other, int from, int to) {
            for (int i = from; i < to; i++) {
                for (int p = i * size, end = p + size; p < end && other.index[p] != Integer.MAX_VALUE; p++) {
                    insert(i, other.index[p], other.value[p]);
                }
            }
        }

        private static boolean before(float v, int j, float w, int m) {
            return v < w || v == w && j < m;
        }
    }
}
