package org.imgcluster.features;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A way to turn images into features, with its hyper-parameters fixed (scikit-learn's contract: the constructor takes
 * hyper-parameters only, {@code fit} learns and returns an immutable {@link FittedFeatures}). The input is an n×d float
 * matrix, one row per image; {@link PixelMatrix#of} makes it from an image set.
 */
public interface FeatureExtractor {
    /** Short name for logs and results, e.g. {@code raw} or {@code pca(n_components=0.95)}. */
    String name();

    FittedFeatures fit(INDArray x);
}
