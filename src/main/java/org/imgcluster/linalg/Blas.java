package org.imgcluster.linalg;

import static org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads;
import static org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads;

import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision BLAS called directly on the memory of ND4J arrays, the way ND4J's own {@code CpuLevel3} calls
 * OpenBLAS, for the many small products of a training step. Row-major throughout. Measured here (2 cores): a call
 * to {@code Nd4j.gemm} costs about 0.1–0.15 ms before any arithmetic (a 2×2 product: 0.14 ms, against 0.004 ms
 * directly), more than a whole 256×784×32 product takes (0.09 ms directly). Arrays must be contiguous floats; the
 * extent each call touches is checked against the array's length, so a wrong shape fails instead of writing past it.
 */
public final class Blas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private Blas() {
    }

    /**
     * c = alpha·op(a)·op(b) + beta·c with op(a) m×k and op(b) k×n; each operand is stored row-major with the given
     * leading dimension, and op transposes the stored matrix when asked.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, INDArray a, int lda,
                     INDArray b, int ldb, double beta, INDArray c, int ldc) {
        FloatPointer pa = transA ? memory(a, k, m, lda) : memory(a, m, k, lda);
        FloatPointer pb = transB ? memory(b, n, k, ldb) : memory(b, k, n, ldb);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                (float) alpha, pa, lda, pb, ldb, (float) beta, memory(c, m, n, ldc), ldc);
    }

    /** a += alpha·x·yᵀ for a rows×cols row-major a: row i gains alpha·x[i]·y. */
    public static void addOuter(int rows, int cols, double alpha, INDArray x, INDArray y, INDArray a) {
        openblas_nolapack.cblas_sger(ROW_MAJOR, rows, cols, (float) alpha, memory(x, 1, rows, rows), 1,
                memory(y, 1, cols, cols), 1, memory(a, rows, cols, cols), cols);
    }

    /** y += alpha·x over all values (same length). */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        int n = length(x, y);
        openblas_nolapack.cblas_saxpy(n, (float) alpha, memory(x, 1, n, n), 1, memory(y, 1, n, n), 1);
    }

    /** y = x over all values (same length). */
    public static void copy(INDArray x, INDArray y) {
        int n = length(x, y);
        openblas_nolapack.cblas_scopy(n, memory(x, 1, n, n), 1, memory(y, 1, n, n), 1);
    }

    /** Σ xᵢ·yᵢ over all values (same length). */
    public static double dot(INDArray x, INDArray y) {
        int n = length(x, y);
        return openblas_nolapack.cblas_sdot(n, memory(x, 1, n, n), 1, memory(y, 1, n, n), 1);
    }

    /**
     * c = a·bᵀ for row-major a (m×k), b (n×k) and c (m×n), all packed (leading dimensions k, k and n): the form of a
     * Gram or distance tile. The pointers' positions mark where each matrix starts.
     */
    public static void gemm(int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, m, n, k, 1f, a, k, b, k, 0f, c, n);
    }

    /**
     * Until closed, OpenBLAS computes each product on the calling thread alone, so that several Java threads can
     * each run their own products side by side. The setting is global: close it before other work uses BLAS.
     */
    public static OneThread oneThread() {
        return new OneThread(blas_get_num_threads());
    }

    /** The scope of {@link #oneThread()}; closing it gives OpenBLAS back its threads. */
    public static final class OneThread implements AutoCloseable {
        private final int before;

        private OneThread(int before) {
            this.before = before;
            blas_set_num_threads(1);
        }

        @Override
        public void close() {
            blas_set_num_threads(before);
        }
    }

    private static int length(INDArray x, INDArray y) {
        if (x.length() != y.length()) {
            throw new IllegalArgumentException("arrays of " + x.length() + " and " + y.length() + " values");
        }
        return (int) x.length();
    }

    /** The memory of a rows×cols matrix stored in {@code a} with leading dimension ld, after checking it fits. */
    private static FloatPointer memory(INDArray a, int rows, int cols, int ld) {
        if (a.dataType() != DataType.FLOAT || (a.length() > 1 && a.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("BLAS needs contiguous float arrays, got " + a.dataType() + " of shape "
                    + Arrays.toString(a.shape()) + " with element stride " + a.elementWiseStride());
        }
        if (cols > ld || (long) (rows - 1) * ld + cols > a.length()) {
            throw new IllegalArgumentException(rows + "×" + cols + " values with leading dimension " + ld
                    + " do not fit in an array of " + a.length());
        }
        return (FloatPointer) a.data().addressPointer();
    }
}
