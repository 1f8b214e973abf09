package org.imgcluster.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Squared Euclidean distances as one GEMM: ‖x−y‖² = ‖x‖² + ‖y‖² − 2·x·yᵀ. Callers block over rows of {@code x} so a
 * block × m result stays small; {@link #blockRows} picks a block size for a memory budget.
 */
public final class Distances {
    private Distances() {
    }

    /** Row-wise squared norms of a 2-D matrix, as an n×1 column. */
    public static INDArray rowSquaredNorms(INDArray x) {
        return x.mul(x).sum(true, 1);
    }

    /**
     * The n×m matrix of squared distances between the rows of {@code x} (n×d) and {@code y} (m×d), clamped at 0
     * (the expansion can go slightly negative in float arithmetic).
     *
     * @param xNorms {@link #rowSquaredNorms}(x), n×1
     * @param yNorms {@link #rowSquaredNorms}(y), m×1
     */
    public static INDArray squared(INDArray x, INDArray xNorms, INDArray y, INDArray yNorms) {
        INDArray d = NdArrays.timesTransposed(x, y).muli(-2.0);
        d.addiColumnVector(xNorms).addiRowVector(yNorms.reshape(1, yNorms.length()));
        return Transforms.relu(d, false);
    }

    /** {@link #squared(INDArray, INDArray, INDArray, INDArray)} computing the norms itself. */
    public static INDArray squared(INDArray x, INDArray y) {
        return squared(x, rowSquaredNorms(x), y, rowSquaredNorms(y));
    }

    /** Rows {@code from..to-1} of a matrix: the matrix itself when that is all of it (ND4J's GEMM copies views). */
    public static INDArray rows(INDArray x, int from, int to) {
        return from == 0 && to == x.rows() ? x : x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** How many rows of x to take per block so a block × m float result stays within {@code budgetBytes}. */
    public static int blockRows(long m, long budgetBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / (4L * Math.max(1, m))));
    }

    /** A row-major n×d float matrix from a flat array. */
    public static INDArray matrix(float[] data, int n, int d) {
        return NdArrays.matrix(data, n, d);
    }
}
