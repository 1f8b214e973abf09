package org.imgcluster.features;

import java.util.Arrays;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RowChunks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ‖X − W·H‖_F, scikit-learn's {@code reconstruction_err_}, from the residuals themselves (W·H by GEMM a block of rows
 * at a time, squares summed in float64) rather than from ‖X‖² − 2⟨X, WH⟩ + ‖WH‖², whose cancellation would cost
 * digits when the fit is good.
 */
final class NmfReconstruction {
    /** About 32 MB of reconstructed rows at a time. */
    private static final long BLOCK_BYTES = 32L << 20;

    private NmfReconstruction() {
    }

    static double error(DenseRows x, NmfFactors factors) {
        int k = factors.k();
        int d = x.d();
        float[] values = x.values();
        INDArray h = NdArrays.matrix(factors.h(), k, d);
        int step = Math.min(x.n(), Distances.blockRows(d, BLOCK_BYTES));
        INDArray block = Nd4j.createUninitialized(DataType.FLOAT, step, d);
        float[] approximation = new float[step * d];
        double total = 0;
        for (int from = 0; from < x.n(); from += step) {
            int first = from;
            int rows = Math.min(step, x.n() - from);
            INDArray w = NdArrays.matrix(Arrays.copyOfRange(factors.w(), from * k, (from + rows) * k), rows, k);
            INDArray product = rows == step ? block : Nd4j.createUninitialized(DataType.FLOAT, rows, d);
            Nd4j.gemm(w, h, product, false, false, 1.0, 0.0);
            NdArrays.read(product, approximation);
            total += RowChunks.sum(rows, 1, (a, b, sums) -> {
                for (int q = a * d; q < b * d; q++) {
                    double residual = values[first * d + q] - approximation[q];
                    sums[0] += residual * residual;
                }
            })[0];
        }
        return Math.sqrt(total);
    }
}
