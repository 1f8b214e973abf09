package org.imgcluster.linalg;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An n×d float feature matrix prepared once for the algorithms: the ND4J array (row-major, for GEMM), the same values
 * as a Java array (for sparse row work), and the squared row norms. Built in one pass over the values, which also
 * rejects NaN/∞: ND4J's element-wise ops allocate an n×d temporary each, which costs more than the pass itself.
 */
public record DenseRows(INDArray array, float[] values, float[] squaredNorms, int n, int d) {

    /** Checks {@code x} (non-empty, 2-D, finite) and prepares it; {@code what} names it in error messages. */
    public static DenseRows of(INDArray x, String what) {
        if (x == null || x.rank() != 2 || x.rows() == 0 || x.columns() == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty n×d matrix, got "
                    + (x == null ? "nothing" : Arrays.toString(x.shape())));
        }
        boolean ready = x.dataType() == DataType.FLOAT && x.ordering() == 'c' && !x.isView();
        INDArray array = ready ? x : x.castTo(DataType.FLOAT).dup('c');
        return of(NdArrays.values(array), (int) x.rows(), (int) x.columns(), array, what);
    }

    /** Prepares a row-major n×d array (taken over, not copied). */
    public static DenseRows of(float[] values, int n, int d, String what) {
        return of(values, n, d, NdArrays.matrix(values, n, d), what);
    }

    private static DenseRows of(float[] values, int n, int d, INDArray array, String what) {
        float[] norms = new float[n];
        // Each chunk notes its first non-finite value; the lowest one is reported, so the message does not depend on
        // which thread got there first.
        long[] firstBad = {Long.MAX_VALUE};
        RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int j = i * d, end = j + d; j < end; j++) {
                    float v = values[j];
                    if (!Float.isFinite(v)) {
                        synchronized (firstBad) {
                            firstBad[0] = Math.min(firstBad[0], j);
                        }
                        return;
                    }
                    s += v * v;
                }
                norms[i] = (float) s;
            }
        });
        if (firstBad[0] != Long.MAX_VALUE) {
            int j = (int) firstBad[0];
            throw new IllegalArgumentException(what + " contain " + values[j] + " at row " + j / d + ", column " + j % d
                    + "; clean or impute non-finite values first");
        }
        return new DenseRows(array, values, norms, n, d);
    }

    /** The population variance of each column, averaged: scikit-learn's scale for k-means' {@code tol}. */
    public double meanColumnVariance() {
        // sums[0..d) are column sums, sums[d..2d) sums of squares.
        double[] sums = RowChunks.sum(n, 2 * d, (from, to, s) -> {
            for (int i = from; i < to; i++) {
                int off = i * d;
                for (int j = 0; j < d; j++) {
                    double v = values[off + j];
                    s[j] += v;
                    s[d + j] += v * v;
                }
            }
        });
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = sums[j] / n;
            total += Math.max(0, sums[d + j] / n - mean * mean);
        }
        return total / d;
    }

    /** The listed rows (in that order) as a new matrix; rows of a checked matrix need no checking again. */
    public DenseRows select(int[] rows) {
        float[] out = new float[rows.length * d];
        float[] norms = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, rows[r] * d, out, r * d, d);
            norms[r] = squaredNorms[rows[r]];
        }
        return new DenseRows(NdArrays.matrix(out, rows.length, d), out, norms, rows.length, d);
    }

    /** Squared row norms as an n×1 ND4J column. */
    public INDArray squaredNormsColumn() {
        return NdArrays.matrix(squaredNorms, n, 1);
    }
}
