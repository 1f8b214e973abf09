package org.imgcluster.cluster;

import java.util.Arrays;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An n×d matrix as the mixture kernels use it: shifted by its column means, so float32 GEMMs lose nothing to a far-off
 * origin, and split into contiguous row blocks that ND4J multiplies without copying (a row view is copied on every
 * GEMM). The kernels translate means into the same frame. Memory: two float copies of the data (Java and native).
 */
final class MixtureData {
    static final int BLOCK_ROWS = 4096;

    private final int n;
    private final int d;
    private final float[] centered;
    private final double[] center;
    private final INDArray[] blocks;

    private MixtureData(int n, int d, float[] centered, double[] center, INDArray[] blocks) {
        this.n = n;
        this.d = d;
        this.centered = centered;
        this.center = center;
        this.blocks = blocks;
    }

    /** Checks x (non-empty, finite; {@code what} names it in messages) and centres it. */
    static MixtureData of(INDArray x, String what) {
        DenseRows rows = DenseRows.of(x, what);
        int n = rows.n();
        int d = rows.d();
        float[] values = rows.values();
        double[] center = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                center[j] += values[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            center[j] /= n;
        }
        float[] centered = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centered[i * d + j] = (float) (values[i * d + j] - center[j]);
            }
        }
        INDArray[] blocks = new INDArray[(n + BLOCK_ROWS - 1) / BLOCK_ROWS];
        for (int b = 0; b < blocks.length; b++) {
            int from = b * BLOCK_ROWS;
            int to = Math.min(n, from + BLOCK_ROWS);
            blocks[b] = NdArrays.matrix(Arrays.copyOfRange(centered, from * d, to * d), to - from, d);
        }
        return new MixtureData(n, d, centered, center, blocks);
    }

    int n() {
        return n;
    }

    int d() {
        return d;
    }

    /** The centred values, row-major (shared, read only). */
    float[] centered() {
        return centered;
    }

    /** The column means subtracted from the data (shared, read only). */
    double[] center() {
        return center;
    }

    int blockCount() {
        return blocks.length;
    }

    /** Rows {@link #blockStart}(b).. of the centred data as a contiguous ND4J matrix. */
    INDArray block(int b) {
        return blocks[b];
    }

    int blockStart(int b) {
        return b * BLOCK_ROWS;
    }

    /** Means (k×d, flat) in the centred frame: μ − center, as floats for the Java loops. */
    float[] centeredMeans(double[] means) {
        float[] out = new float[means.length];
        for (int t = 0; t < means.length; t++) {
            out[t] = (float) (means[t] - center[t % d]);
        }
        return out;
    }
}
