package org.imgcluster.metrics;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * For every point, the sum of its Euclidean distances to the points of each cluster: the statistic behind the
 * silhouette. Points are visited sorted by cluster, so the columns of a cluster are one contiguous run of a block;
 * block (I, J) of dot products is one GEMM, computed once for I ≤ J and added to the rows of I and (off the
 * diagonal) the rows of J. Memory: the n×k double sums, two gathered row blocks of X and one block of distances.
 */
final class ClusterDistanceSums {
    // From a few thousand rows on GEMM runs near peak; larger blocks only waste more on the diagonal blocks.
    private static final int MAX_BLOCK_ROWS = 4096;

    private final INDArray x;
    private final int n;
    private final int k;
    /** Point index at each sorted position. */
    private final int[] order;
    /** Cluster of the point at each sorted position. */
    private final int[] sortedCluster;
    /** First sorted position of each cluster, and n at index k. */
    private final int[] clusterStart;
    private final float[] sortedNorms;
    /** sums[p·k + c]: distances from the point at sorted position p to cluster c. */
    private final double[] sums;

    private ClusterDistanceSums(INDArray x, int[] clusters, int k) {
        this.x = x;
        this.n = clusters.length;
        this.k = k;
        this.clusterStart = new int[k + 1];
        for (int c : clusters) {
            clusterStart[c + 1]++;
        }
        for (int c = 0; c < k; c++) {
            clusterStart[c + 1] += clusterStart[c];
        }
        this.order = new int[n];
        this.sortedCluster = new int[n];
        int[] next = Arrays.copyOf(clusterStart, k);
        for (int i = 0; i < n; i++) {
            int p = next[clusters[i]]++;
            order[p] = i;
            sortedCluster[p] = clusters[i];
        }
        float[] pointNorms = rowSquaredNorms(x);
        this.sortedNorms = new float[n];
        for (int p = 0; p < n; p++) {
            sortedNorms[p] = pointNorms[order[p]];
        }
        this.sums = new double[n * k];
    }

    /** ‖xᵢ‖² by blocks of rows, so the temporary squares stay a block, not another n×d. */
    private static float[] rowSquaredNorms(INDArray x) {
        int n = (int) x.rows();
        float[] norms = new float[n];
        for (int from = 0; from < n; from += MAX_BLOCK_ROWS) {
            int to = Math.min(n, from + MAX_BLOCK_ROWS);
            INDArray blockNorms = Distances.rowSquaredNorms(Distances.rows(x, from, to));
            System.arraycopy(blockNorms.toFloatVector(), 0, norms, from, to - from);
            blockNorms.close();
        }
        return norms;
    }

    /**
     * @param x           n×d float features
     * @param clusters    cluster index of each point, 0..k-1, every cluster non-empty
     * @param budgetBytes the most bytes one block of distances may take
     * @return row i, column c at [i·k + c]: the sum of distances from point i to the points of cluster c
     */
    static double[] compute(INDArray x, int[] clusters, int k, long budgetBytes) {
        ClusterDistanceSums state = new ClusterDistanceSums(x, clusters, k);
        state.accumulateAllBlocks(squareBlockRows(clusters.length, budgetBytes));
        return state.inPointOrder();
    }

    /** Square blocks within the budget, evened out so the last block is not a sliver. */
    private static int squareBlockRows(int n, long budgetBytes) {
        int largest = (int) Math.min(MAX_BLOCK_ROWS, Math.max(1, (long) Math.sqrt(budgetBytes / (double) Float.BYTES)));
        int blocks = (n + largest - 1) / largest;
        return (n + blocks - 1) / blocks;
    }

    private void accumulateAllBlocks(int block) {
        INDArray dots = Nd4j.createUninitialized(DataType.FLOAT, new long[] {block, block}, 'c');
        for (int i0 = 0; i0 < n; i0 += block) {
            int i1 = Math.min(n, i0 + block);
            INDArray rowsI = gather(i0, i1);
            for (int j0 = i0; j0 < n; j0 += block) {
                int j1 = Math.min(n, j0 + block);
                INDArray rowsJ = j0 == i0 ? rowsI : gather(j0, j1);
                INDArray blockDots = i1 - i0 == block && j1 - j0 == block ? dots
                        : Nd4j.createUninitialized(DataType.FLOAT, new long[] {i1 - i0, j1 - j0}, 'c');
                Nd4j.gemm(rowsI, rowsJ, blockDots, false, true, 1.0, 0.0);
                accumulateBlock(blockDots.data().asNioFloat(), i0, i1, j0, j1);
                if (blockDots != dots) {
                    blockDots.close();
                }
                if (rowsJ != rowsI) {
                    rowsJ.close();
                }
            }
            rowsI.close();
        }
        dots.close();
    }

    private INDArray gather(int from, int to) {
        return Nd4j.pullRows(x, 1, Arrays.copyOfRange(order, from, to), 'c');
    }

    /** Rows are split among the cores; each returns its share of the column side, merged here without races. */
    private void accumulateBlock(FloatBuffer dots, int i0, int i1, int j0, int j1) {
        int rows = i1 - i0;
        int tasks = Math.min(rows, Runtime.getRuntime().availableProcessors());
        List<ColumnShare> shares = IntStream.range(0, tasks).parallel()
                .mapToObj(t -> accumulateRows(dots.duplicate(), i0 + rows * t / tasks, i0 + rows * (t + 1) / tasks,
                        i0, j0, j1))
                .toList();
        if (i0 != j0) {
            int columns = j1 - j0;
            for (ColumnShare share : shares) {
                for (int c = share.firstCluster; c <= share.lastCluster; c++) {
                    int offset = (c - share.firstCluster) * columns;
                    for (int j = 0; j < columns; j++) {
                        sums[(j0 + j) * k + c] += share.sums[offset + j];
                    }
                }
            }
        }
    }

    /** Per cluster in rows from..to-1 (a contiguous range, as rows are sorted), each column's sum of distances. */
    private record ColumnShare(int firstCluster, int lastCluster, double[] sums) {
    }

    private ColumnShare accumulateRows(FloatBuffer dots, int from, int to, int i0, int j0, int j1) {
        int columns = j1 - j0;
        boolean diagonal = i0 == j0;
        int firstCluster = sortedCluster[from];
        int lastCluster = sortedCluster[to - 1];
        double[] columnSums = diagonal ? null : new double[(lastCluster - firstCluster + 1) * columns];
        float[] distances = new float[columns];
        float[] columnNorms = Arrays.copyOfRange(sortedNorms, j0, j1);
        for (int p = from; p < to; p++) {
            dots.get((p - i0) * columns, distances, 0, columns);
            toDistances(distances, sortedNorms[p], columnNorms);
            if (diagonal) {
                distances[p - j0] = 0f; // exactly, as scikit-learn; the expansion leaves rounding noise
            }
            for (int c = sortedCluster[j0]; c <= sortedCluster[j1 - 1]; c++) {
                int runFrom = Math.max(clusterStart[c], j0) - j0;
                int runTo = Math.min(clusterStart[c + 1], j1) - j0;
                sums[p * k + c] += sum(distances, runFrom, runTo);
            }
            if (!diagonal) {
                int offset = (sortedCluster[p] - firstCluster) * columns;
                for (int j = 0; j < columns; j++) {
                    columnSums[offset + j] += distances[j];
                }
            }
        }
        return new ColumnShare(firstCluster, lastCluster, columnSums);
    }

    /**
     * Dot products to Euclidean distances in place: ‖x−y‖² = ‖x‖² + ‖y‖² − 2·x·y, clamped at 0, then sqrt. The
     * expansion of {@link Distances#squared} is fused here with the sums so each block is read from memory once.
     * The column norms come as their own array indexed like the products: with an offset into the whole norms array
     * the JIT did not vectorise this loop, and it took half of the silhouette's time.
     */
    private static void toDistances(float[] dots, float rowNorm, float[] columnNorms) {
        for (int j = 0; j < dots.length; j++) {
            float squared = rowNorm + columnNorms[j] - 2f * dots[j];
            dots[j] = (float) Math.sqrt(Math.max(squared, 0f));
        }
    }

    /** Sum in double with four accumulators, so the additions do not wait on each other. */
    private static double sum(float[] values, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += values[j];
            s1 += values[j + 1];
            s2 += values[j + 2];
            s3 += values[j + 3];
        }
        for (; j < to; j++) {
            s0 += values[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double[] inPointOrder() {
        double[] byPoint = new double[n * k];
        for (int p = 0; p < n; p++) {
            System.arraycopy(sums, p * k, byPoint, order[p] * k, k);
        }
        return byPoint;
    }
}
