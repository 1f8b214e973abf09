package org.imgcluster.linalg;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram matrix X·Xᵀ of an n×d matrix by GEMM in row blocks, each handed to a consumer in one reused ND4J buffer
 * (allocating native memory per block costs more than the GEMM). For all-pairs distances ‖x_i‖² + ‖x_j‖² − 2·x_i·x_j
 * on {@link #centred} data, which loses less to cancellation than the raw values do.
 */
public final class GramBlocks {
    private GramBlocks() {
    }

    /** Receives rows from..to-1 of α·X·Xᵀ, row-major (to−from)×n, valid until it returns. */
    @FunctionalInterface
    public interface Consumer {
        void accept(int from, int to, DataBuffer products);
    }

    /** Receives point i's squared Euclidean distances to every point, in a new array the receiver may keep. */
    @FunctionalInterface
    public interface DistanceRow {
        void accept(int i, float[] squaredDistances);
    }

    /**
     * Every row's squared distances to all rows of {@code x}, ‖x_i‖² + ‖x_j‖² − 2·x_i·x_j on the centred data in float
     * (clamped at 0), from row blocks of at most {@code budgetBytes} of products; the rows of a block are handed over
     * in parallel.
     */
    public static void forEachSquaredDistanceRow(DenseRows x, long budgetBytes, DistanceRow consumer) {
        int n = x.n();
        INDArray centred = centred(x, DataType.FLOAT);
        float[] norms = NdArrays.values(Distances.rowSquaredNorms(centred));
        forEachBlock(centred, -2.0, budgetBytes, (from, to, products) -> {
            FloatBuffer dots = products.asNioFloat();
            IntStream.range(from, to).parallel().forEach(i -> {
                float[] row = new float[n];
                dots.get((i - from) * n, row, 0, n);
                for (int j = 0; j < n; j++) {
                    row[j] = Math.max(0f, norms[i] + norms[j] + row[j]);
                }
                consumer.accept(i, row);
            });
        });
    }

    /** Hands each row block of α·X·Xᵀ (at most {@code budgetBytes}, in X's data type) to the consumer, in order. */
    public static void forEachBlock(INDArray x, double alpha, long budgetBytes, Consumer consumer) {
        int n = (int) x.rows();
        long floatsPerEntry = x.dataType().width() / Float.BYTES;
        int block = Math.min(n, Distances.blockRows(floatsPerEntry * n, budgetBytes));
        INDArray products = Nd4j.create(x.dataType(), block, n);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            if (to - from < block) {
                products = Nd4j.create(x.dataType(), to - from, n);
            }
            Nd4j.gemm(Distances.rows(x, from, to), x, products, false, true, alpha, 0.0);
            consumer.accept(from, to, products.data());
        }
    }

    /** The rows minus their mean, as a row-major n×d ND4J matrix of the given type (FLOAT or DOUBLE). */
    public static INDArray centred(DenseRows x, DataType type) {
        float[] v = x.values();
        int n = x.n();
        int d = x.d();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += v[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                out[i * d + t] = v[i * d + t] - mean[t];
            }
        }
        return Nd4j.create(out, new long[] {n, d}, DataType.DOUBLE).castTo(type);
    }
}
