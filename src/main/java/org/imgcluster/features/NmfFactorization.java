package org.imgcluster.features;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link Nmf#fitTransform} returns: the fitted model and W of the training data (n×k), the features the fit
 * itself found. {@code model.transform} of the same data solves W again from zero with H fixed, as scikit-learn's
 * {@code transform} does, and so lands close to these but not on them.
 */
public record NmfFactorization(NmfModel model, INDArray features) {
}
