package org.imgcluster.cluster;

import java.nio.DoubleBuffer;
import java.util.stream.IntStream;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.GramBlocks;
import org.imgcluster.linalg.QuadraticMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Complete or average linkage by the {@link NearestNeighborChain} on the matrix of pairwise Euclidean distances,
 * updated by the Lance–Williams rule on each merge (complete: the larger of the two distances; average: their
 * size-weighted mean), as scipy's {@code linkage} does. The matrix is the lower triangle in floats, one array per row, so it has no
 * 2³¹-entry limit and a merged-away cluster's row is freed. Memory: n(n−1)/2 floats; time: O(n²).
 */
final class PairwiseLinkage implements NearestNeighborChain.Clusters {
    private static final long BLOCK_BYTES = 64L << 20;
    /** Java's per-array header and length, counted for each of the n rows. */
    private static final long ROW_OVERHEAD = 16;
    private static final int PARALLEL_FROM = 1 << 14;

    private final boolean average;
    private final float[][] below;
    private final int[] sizes;
    private final int[] activeList;
    private final int[] slotOf;
    private int active;

    private PairwiseLinkage(DenseRows x, Linkage linkage) {
        int n = x.n();
        average = linkage == Linkage.AVERAGE;
        below = distances(x);
        sizes = new int[n];
        activeList = new int[n];
        slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = 1;
            activeList[i] = i;
            slotOf[i] = i;
        }
        active = n;
    }

    /** The tree of the rows of {@code x} for complete or average linkage; check {@link #requireFits} first. */
    static Dendrogram tree(DenseRows x, Linkage linkage) {
        return NearestNeighborChain.tree(x.n(), new PairwiseLinkage(x, linkage), linkage.label());
    }

    /** Refuses, in one line with the alternatives, a size whose distance matrix would not fit in {@code heapBytes}. */
    static void requireFits(Linkage linkage, int n, long heapBytes) {
        QuadraticMemory.require(linkage.label() + " linkage", "pairwise distances (n(n-1)/2 floats)", n,
                PairwiseLinkage::bytesNeeded, heapBytes, "use linkage ward or single (O(n·d) memory)");
    }

    private static long bytesNeeded(long n) {
        return n * (n - 1) / 2 * Float.BYTES + n * ROW_OVERHEAD;
    }

    /** Row i holds d(i, j) for j < i, from double GEMMs on the centred data (so rounding is only the float store). */
    private static float[][] distances(DenseRows x) {
        int n = x.n();
        INDArray centred = GramBlocks.centred(x, DataType.DOUBLE);
        double[] norms = Distances.rowSquaredNorms(centred).data().asDouble();
        float[][] below = new float[n][];
        GramBlocks.forEachBlock(centred, 1.0, BLOCK_BYTES, (from, to, products) -> {
            DoubleBuffer dots = products.asNioDouble();
            IntStream.range(from, to).parallel().forEach(i -> {
                double[] row = new double[i];
                dots.get((i - from) * n, row, 0, i);
                float[] out = new float[i];
                for (int j = 0; j < i; j++) {
                    out[j] = (float) Math.sqrt(Math.max(0.0, norms[i] + norms[j] - 2 * row[j]));
                }
                below[i] = out;
            });
        });
        return below;
    }

    @Override
    public int active() {
        return active;
    }

    @Override
    public int anyActive() {
        return activeList[0];
    }

    @Override
    public int nearest(int a) {
        return activeList[ParallelArgMin.of(active, PARALLEL_FROM, new ParallelArgMin.Scan() {
            @Override
            public int argMin(int from, int to) {
                int best = -1;
                float bestDistance = Float.POSITIVE_INFINITY;
                for (int s = from; s < to; s++) {
                    int c = activeList[s];
                    if (c != a && stored(a, c) < bestDistance) {
                        bestDistance = stored(a, c);
                        best = s;
                    }
                }
                return best;
            }

            @Override
            public double cost(int s) {
                return stored(a, activeList[s]);
            }
        })];
    }

    @Override
    public double distance(int a, int b) {
        return stored(a, b);
    }

    private float stored(int i, int j) {
        return i > j ? below[i][j] : below[j][i];
    }

    /** Cluster a becomes a ∪ b, with its distances to every other active cluster updated; b leaves. */
    @Override
    public double merge(int a, int b) {
        double height = stored(a, b);
        int last = activeList[--active];
        activeList[slotOf[b]] = last;
        slotOf[last] = slotOf[b];
        double sa = sizes[a];
        double sb = sizes[b];
        for (int s = 0; s < active; s++) {
            int c = activeList[s];
            if (c == a) {
                continue;
            }
            float dac = stored(a, c);
            float dbc = stored(b, c);
            float updated = average ? (float) ((sa * dac + sb * dbc) / (sa + sb)) : Math.max(dac, dbc);
            if (a > c) {
                below[a][c] = updated;
            } else {
                below[c][a] = updated;
            }
        }
        sizes[a] += sizes[b];
        below[b] = null;
        return height;
    }
}
