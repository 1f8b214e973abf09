package org.imgcluster.features;

import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Walks a matrix in blocks of rows, each block centred (the mean row subtracted) in a new array, so that
 * centring never needs a second n×d copy of the data.
 */
final class CentredBlocks {
    /** About 32 MB of centred rows at a time: large enough for GEMM to run at full speed. */
    private static final long BLOCK_BYTES = 32L << 20;

    @FunctionalInterface
    interface Action {
        /** Called with the index of the block's first row and the centred block. */
        void accept(int from, INDArray centred);
    }

    private CentredBlocks() {
    }

    static void forEach(INDArray x, INDArray meanRow, Action action) {
        int n = (int) x.rows();
        int step = Distances.blockRows(x.columns(), BLOCK_BYTES);
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            action.accept(from, Distances.rows(x, from, to).subRowVector(meanRow));
        }
    }
}
