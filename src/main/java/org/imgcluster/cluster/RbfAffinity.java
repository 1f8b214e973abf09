package org.imgcluster.cluster;

import java.util.stream.IntStream;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.RbfKernel;

import smile.math.blas.Transpose;
import smile.math.matrix.IMatrix;

/**
 * scikit-learn's {@code rbf} affinity ({@link RbfKernel}) as the spectral embedding's operator, with the connected
 * components {@link NormalizedAffinity} needs. Dense: n² floats, so callers check the heap first with
 * {@link #requireFits}.
 */
final class RbfAffinity {
    private RbfAffinity() {
    }

    static void requireFits(int n, long heapBytes) {
        RbfKernel.requireFits("rbf affinity", n, heapBytes, "use affinity nearest_neighbors (sparse)");
    }

    static NormalizedAffinity of(DenseRows x, double gamma) {
        RbfKernel kernel = RbfKernel.normalized(x, gamma);
        float[][] rows = kernel.rows();
        int n = rows.length;
        UnionFind groups = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rows[i][j] > 0) {
                    groups.union(i, j);
                }
            }
        }
        return new NormalizedAffinity(new DenseSymmetric(rows), kernel.sqrtDegrees(), groups.labels(), groups.sets());
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
