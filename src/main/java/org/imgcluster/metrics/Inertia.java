package org.imgcluster.metrics;

import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The within-cluster sum of squares (k-means' inertia): Σ ‖xᵢ − centre(labelᵢ)‖², blocked GEMM distances. */
public final class Inertia {
    private static final long BUDGET_BYTES = 64L << 20;

    private Inertia() {
    }

    /**
     * @param x       n×d features
     * @param labels  each point's centre, a row index of {@code centres}
     * @param centres k×d
     */
    public static double of(INDArray x, int[] labels, INDArray centres) {
        Matrices.requireFiniteMatrix(x, "x");
        Matrices.requireFiniteMatrix(centres, "centres");
        if (centres.columns() != x.columns()) {
            throw new IllegalArgumentException("centres have " + centres.columns() + " columns but x has "
                    + x.columns() + "; both must have the same d");
        }
        Labels.requireValid("labels", labels);
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException("labels has " + labels.length + " ids but x has " + x.rows()
                    + " rows; give one label per row");
        }
        int k = (int) centres.rows();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; labels must be row indices"
                        + " of centres, 0.." + (k - 1));
            }
        }
        INDArray centresLikeX = centres.castTo(x.dataType());
        INDArray centreNorms = Distances.rowSquaredNorms(centresLikeX);
        // Rows per block bound both the block × d norms temporary and the block × k distances.
        int block = Distances.blockRows(Math.max(k, x.columns()), BUDGET_BYTES);
        double total = 0;
        for (int from = 0; from < labels.length; from += block) {
            int to = Math.min(labels.length, from + block);
            INDArray rows = Distances.rows(x, from, to);
            float[] squared = Matrices.toFloatArray(Distances.squared(rows, Distances.rowSquaredNorms(rows),
                    centresLikeX, centreNorms));
            for (int i = from; i < to; i++) {
                total += squared[(i - from) * k + labels[i]];
            }
        }
        return total;
    }
}
