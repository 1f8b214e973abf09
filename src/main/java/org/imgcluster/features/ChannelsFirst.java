package org.imgcluster.features;

import org.imgcluster.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * From {@link PixelMatrix} rows (each an {@link ImageSet} image flattened channels-last, H×W×C) to DL4J's
 * convolution input layout [n, C, H, W] (NCHW, its default), which its CPU convolutions are written for.
 */
final class ChannelsFirst {
    private ChannelsFirst() {
    }

    /** The n rows as a new [n, C, H, W] array. */
    static INDArray of(INDArray rows, ImageShape shape) {
        return asImages(rows, shape).dup('c');
    }

    /** The n rows into {@code target}, an [n, C, H, W] array. */
    static void copy(INDArray rows, ImageShape shape, INDArray target) {
        target.assign(asImages(rows, shape));
    }

    /** The rows seen as [n, H, W, C] and permuted to [n, C, H, W], without copying. */
    private static INDArray asImages(INDArray rows, ImageShape shape) {
        return rows.reshape('c', rows.rows(), shape.height(), shape.width(), shape.channels()).permute(0, 3, 1, 2);
    }
}
