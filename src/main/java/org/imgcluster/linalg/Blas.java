package org.imgcluster.linalg;

import static org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads;
import static org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads;

import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision BLAS called directly on native memory, the way ND4J's own {@code CpuLevel3} calls OpenBLAS: for the
 * many small products of a training step, and for the kNN graph's tiles. Row-major throughout. Measured here (2
 * cores): a call to {@code Nd4j.gemm} costs about 0.1–0.15 ms before any arithmetic (a 2×2 product: 0.14 ms, against
 * 0.004 ms directly), more than a whole 256×784×32 product takes (0.09 ms directly). The ND4J arrays must be contiguous
 * floats, and the extent each call touches is checked against their length, so a wrong shape fails instead of writing
 * past it.
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
     * Gram or distance tile. The pointers' positions mark where each matrix starts; each must hold its matrix.
     */
    public static void gemm(int m, int n, int k, FloatPointer a, FloatPointer b, FloatPointer c) {
        requireRoom(a, (long) m * k);
        requireRoom(b, (long) n * k);
        requireRoom(c, (long) m * n);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, m, n, k, 1f, a, k, b, k, 0f, c, n);
    }

    private static void requireRoom(FloatPointer p, long values) {
        if (p.capacity() - p.position() < values) {
            throw new IllegalArgumentException(values + " values do not fit in the " + (p.capacity() - p.position())
                    + " from the pointer's position on");
        }
    }

    /**
     * Until closed, OpenBLAS computes each product on the calling thread alone, so that several Java threads can
     * each run their own products side by side. The setting is global: scopes open at the same time share it, and the
     * last one closed gives OpenBLAS back the thread count it had before the first.
     */
    public static OneThread oneThread() {
        return new OneThread();
    }

    /** The scope of {@link #oneThread()}. */
    public static final class OneThread implements AutoCloseable {
        private static final Object LOCK = new Object();
        private static int open;
        private static int threadsBefore;
        private boolean closed;

        private OneThread() {
            synchronized (LOCK) {
                if (open++ == 0) {
                    // JavaCPP's record of the last setting (ND4J sets it at start-up); below 1, OpenBLAS's default.
                    threadsBefore = blas_get_num_threads();
                    blas_set_num_threads(1);
                }
            }
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                if (!closed) {
                    closed = true;
                    if (--open == 0) {
                        blas_set_num_threads(threadsBefore);
                    }
                }
            }
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
