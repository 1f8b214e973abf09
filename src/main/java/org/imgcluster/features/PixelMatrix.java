package org.imgcluster.features;

import org.imgcluster.data.ImageSet;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The one conversion from images to the extractors' input, so every extractor sees the same pixels. */
public final class PixelMatrix {
    private PixelMatrix() {
    }

    /** size()×imageLength() row-major floats, pixels scaled to [0, 1] (the notebooks' X / 255), channels-last. */
    public static INDArray of(ImageSet images) {
        return Distances.matrix(images.toUnitFloats(), images.size(), images.imageLength());
    }
}
