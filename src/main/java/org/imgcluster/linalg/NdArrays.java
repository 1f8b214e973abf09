package org.imgcluster.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fast moves between Java float arrays and ND4J. Measured on ND4J 1.0.0-M2.1: {@code Nd4j.create(float[], shape)}
 * copies element by element (≈2 ms per 800k floats) and {@code mmul} goes through a generic op (≈10× slower than
 * {@code Nd4j.gemm} into an existing array for a 1024×784×50 product); these helpers use bulk NIO copies and GEMM.
 */
public final class NdArrays {
    private NdArrays() {
    }

    /** A new row-major rows×cols float matrix holding a copy of {@code values}. */
    public static INDArray matrix(float[] values, int rows, int cols) {
        INDArray m = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
        fill(m, values);
        return m;
    }

    /** Copies {@code values} into a row-major float array of the same length. */
    public static void fill(INDArray target, float[] values) {
        if (target.isEmpty()) {
            return; // an empty ND4J array has no buffer at all
        }
        target.data().asNioFloat().clear().put(values, 0, (int) target.length());
    }

    /** Copies a row-major float array's values into {@code out} (of at least its length) and returns it. */
    public static float[] read(INDArray source, float[] out) {
        if (source.isEmpty()) {
            return out;
        }
        source.data().asNioFloat().clear().get(out, 0, (int) source.length());
        return out;
    }

    /**
     * The values of a float array in row-major order, as a new Java array (bulk copy; ND4J's own
     * {@code data().asFloat()} copies element by element).
     */
    public static float[] values(INDArray a) {
        INDArray plain = a.ordering() == 'c' && !a.isView() && a.dataType() == DataType.FLOAT
                ? a : a.castTo(DataType.FLOAT).dup('c');
        return read(plain, new float[(int) plain.length()]);
    }

    /** {@code a · bᵀ} (a: n×d, b: m×d) into a new n×m matrix, by one GEMM. */
    public static INDArray timesTransposed(INDArray a, INDArray b) {
        return timesTransposed(a, b, Nd4j.createUninitialized(a.dataType(), a.rows(), b.rows()));
    }

    /** {@code a · bᵀ} into {@code out} (n×m, row-major), reusing its memory; returns out. */
    public static INDArray timesTransposed(INDArray a, INDArray b, INDArray out) {
        return Nd4j.gemm(a, b, out, false, true, 1.0, 0.0);
    }
}
