package org.imgcluster.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks and conversions shared by every algorithm that takes a feature matrix. */
public final class Matrices {
    private Matrices() {
    }

    /** A non-empty 2-D matrix of finite values, else an IllegalArgumentException naming {@code what}. */
    public static void requireFiniteMatrix(INDArray x, String what) {
        DenseRows.of(x, what);
    }

    /** 1 ≤ k ≤ n, else an IllegalArgumentException naming the parameter. */
    public static void requireClusterCount(String param, int k, long n) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException(param + " = " + k + " is outside 1.." + n + " (the number of points)");
        }
    }

    /** A row-major float copy of the matrix's values (n·d floats). */
    public static float[] toFloatArray(INDArray x) {
        return NdArrays.values(x);
    }
}
