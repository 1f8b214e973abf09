package org.imgcluster.cluster;

import java.util.HashMap;
import java.util.Map;

import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native matrices kept across iterations, one per role, type and shape, with bulk copies to and from Java arrays:
 * allocating a fresh native result per GEMM costs more than the GEMM itself at these sizes. Not thread-safe; GEMMs
 * run on the calling thread (OpenBLAS parallelises them).
 */
final class GemmBuffers {
    private record Key(String role, DataType type, long rows, long cols) {
    }

    private final Map<Key, INDArray> arrays = new HashMap<>();
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    /** The float matrix for {@code role} filled with the first rows·cols values of {@code values} (row-major). */
    INDArray filled(String role, float[] values, long rows, long cols) {
        INDArray m = matrix(role, DataType.FLOAT, rows, cols);
        NdArrays.fill(m, values);
        return m;
    }

    /** The double matrix for {@code role} filled with the first rows·cols values of {@code values} (row-major). */
    INDArray filled(String role, double[] values, long rows, long cols) {
        INDArray m = matrix(role, DataType.DOUBLE, rows, cols);
        m.data().asNioDouble().clear().put(values, 0, (int) (rows * cols));
        return m;
    }

    /** a·b (or aᵀ·b) into the matrix kept for {@code role}, of a's type. */
    INDArray multiply(String role, INDArray a, boolean transposeA, INDArray b) {
        long rows = transposeA ? a.columns() : a.rows();
        INDArray c = matrix(role, a.dataType(), rows, b.columns());
        Nd4j.gemm(a, b, c, transposeA, false, 1.0, 0.0);
        return c;
    }

    /** The values of a float matrix (row-major) in a Java array reused by the next call: read it before then. */
    float[] read(INDArray m) {
        if (floats.length < m.length()) {
            floats = new float[(int) m.length()];
        }
        return NdArrays.read(m, floats);
    }

    /** The values of a double matrix (row-major) in a Java array reused by the next call: read it before then. */
    double[] readDoubles(INDArray m) {
        int len = (int) m.length();
        if (doubles.length < len) {
            doubles = new double[len];
        }
        m.data().asNioDouble().clear().get(doubles, 0, len);
        return doubles;
    }

    private INDArray matrix(String role, DataType type, long rows, long cols) {
        return arrays.computeIfAbsent(new Key(role, type, rows, cols),
                key -> Nd4j.createUninitialized(key.type(), key.rows(), key.cols()));
    }
}
