package org.imgcluster.features;

import java.nio.FloatBuffer;

import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Minibatches gathered into arrays allocated once: rows {@code order[from..to-1]} of the training data copied into
 * a row-major array by bulk copies from the Java copy of the data ({@code Nd4j.pullRows} took 0.14 ms for 256×784 here,
 * the bulk copies about a third of that), and their labels one-hot.
 */
final class BatchRows {
    private BatchRows() {
    }

    /** Rows order[from..to-1] of {@code rows} into the first to−from rows of {@code target} (row-major, not a view). */
    static void copy(DenseRows rows, int[] order, int from, int to, INDArray target) {
        FloatBuffer memory = target.data().asNioFloat();
        int d = rows.d();
        for (int r = from; r < to; r++) {
            memory.put((r - from) * d, rows.values(), order[r] * d, d);
        }
    }

    /** One-hot rows for labels[order[from..to-1]] into {@code target} ((to−from)×classes, row-major, not a view). */
    static void oneHot(int[] labels, int[] order, int from, int to, INDArray target) {
        FloatBuffer memory = target.data().asNioFloat();
        int classes = (int) target.columns();
        for (int r = from; r < to; r++) {
            for (int c = 0; c < classes; c++) {
                memory.put((r - from) * classes + c, labels[order[r]] == c ? 1f : 0f);
            }
        }
    }
}
