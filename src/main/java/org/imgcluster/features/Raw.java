package org.imgcluster.features;

import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Raw pixels as features: nothing to learn, the identity on {@link PixelMatrix}'s [0, 1] values; the baseline. */
public record Raw() implements FeatureExtractor {
    @Override
    public String name() {
        return RawModel.NAME;
    }

    @Override
    public RawModel fit(INDArray x) {
        return new RawModel(DenseRows.of(x, "training data").d());
    }
}
