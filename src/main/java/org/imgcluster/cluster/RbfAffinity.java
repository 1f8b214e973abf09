package org.imgcluster.cluster;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.GramBlocks;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import smile.math.blas.Transpose;
import smile.math.matrix.IMatrix;

/**
 * scikit-learn's {@code rbf} affinity exp(−γ‖x_i − x_j‖²) between every pair of points, normalised as
 * {@link NormalizedAffinity} describes. Dense: n² floats, so callers check the heap first with {@link #requireFits}.
 */
final class RbfAffinity {
    private static final long BLOCK_BYTES = 64L << 20;
    /** Java's per-array header and length, counted for each of the n rows. */
    private static final long ROW_OVERHEAD = 16;

    private RbfAffinity() {
    }

    static void requireFits(int n, long heapBytes) {
        QuadraticMemory.require("rbf affinity", "dense affinity matrix (n² floats)", n,
                m -> m * m * Float.BYTES + m * ROW_OVERHEAD, heapBytes, "use affinity nearest_neighbors (sparse)");
    }

    static NormalizedAffinity of(DenseRows x, double gamma) {
        int n = x.n();
        float[][] rows = new float[n][];
        INDArray centred = GramBlocks.centred(x, DataType.FLOAT);
        float[] norms = NdArrays.values(Distances.rowSquaredNorms(centred));
        GramBlocks.forEachBlock(centred, -2.0, BLOCK_BYTES, (from, to, products) -> {
            FloatBuffer dots = products.asNioFloat();
            IntStream.range(from, to).parallel().forEach(i -> {
                float[] row = new float[n];
                dots.get((i - from) * n, row, 0, n);
                for (int j = 0; j < n; j++) {
                    row[j] = (float) Math.exp(-gamma * Math.max(0f, norms[i] + norms[j] + row[j]));
                }
                // The self-affinity does not count in the normalised Laplacian.
                row[i] = 0;
                rows[i] = row;
            });
        });
        double[] sqrtDegrees = new double[n];
        UnionFind groups = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            double w = 0;
            for (int j = 0; j < n; j++) {
                w += rows[i][j];
                if (rows[i][j] > 0 && j > i) {
                    groups.union(i, j);
                }
            }
            sqrtDegrees[i] = w == 0 ? 1 : Math.sqrt(w);
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                rows[i][j] /= (float) (sqrtDegrees[i] * sqrtDegrees[j]);
            }
        });
        return new NormalizedAffinity(new DenseSymmetric(rows), sqrtDegrees, groups.labels(), groups.sets());
    }

    /** A dense symmetric matrix of float rows as Smile's eigen-solver sees it: only products with vectors. */
    private static final class DenseSymmetric extends IMatrix {
        private static final long serialVersionUID = 1L;
        private final float[][] rows;

        DenseSymmetric(float[][] rows) {
            this.rows = rows;
        }

        @Override
        public int nrow() {
            return rows.length;
        }

        @Override
        public int ncol() {
            return rows.length;
        }

        @Override
        public long size() {
            return (long) rows.length * rows.length;
        }

        /** y = α·A·x + β·y (A is symmetric, so either transpose). */
        @Override
        public void mv(Transpose trans, double alpha, double[] x, double beta, double[] y) {
            // As BLAS: with β = 0, y is only written, never read.
            IntStream.range(0, rows.length).parallel()
                    .forEach(i -> y[i] = alpha * dot(rows[i], x, 0) + (beta == 0 ? 0 : beta * y[i]));
        }

        @Override
        public void mv(double[] work, int inputOffset, int outputOffset) {
            IntStream.range(0, rows.length).parallel()
                    .forEach(i -> work[outputOffset + i] = dot(rows[i], work, inputOffset));
        }

        @Override
        public void tv(double[] work, int inputOffset, int outputOffset) {
            mv(work, inputOffset, outputOffset);
        }

        private static double dot(float[] row, double[] x, int offset) {
            double s0 = 0;
            double s1 = 0;
            int j = 0;
            for (; j + 1 < row.length; j += 2) {
                s0 += row[j] * x[offset + j];
                s1 += row[j + 1] * x[offset + j + 1];
            }
            if (j < row.length) {
                s0 += row[j] * x[offset + j];
            }
            return s0 + s1;
        }
    }
}
