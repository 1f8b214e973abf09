package org.imgcluster.features;

import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The checks every fitted model makes on the rows it is given. */
final class FeatureInputs {
    private FeatureInputs() {
    }

    /** {@code x} as checked rows (non-empty, 2-D, finite) with {@code expectedColumns} columns. */
    static DenseRows require(INDArray x, int expectedColumns, String what, String model) {
        DenseRows rows = DenseRows.of(x, what);
        if (rows.d() != expectedColumns) {
            throw new IllegalArgumentException(what + " have " + rows.d() + " columns, " + model + " expects "
                    + expectedColumns);
        }
        return rows;
    }
}
