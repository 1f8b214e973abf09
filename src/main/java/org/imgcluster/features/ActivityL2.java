package org.imgcluster.features;

import org.imgcluster.linalg.Blas;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' {@code activity_regularizer=l2(lambda)} on one hidden layer's output a: the loss gains lambda·Σa² over a
 * batch, divided by the batch's rows (as Keras averages activity penalties over the batch), so ∂/∂a = 2·lambda·a/rows.
 */
record ActivityL2(double lambda, int layer) {
    boolean active() {
        return lambda > 0;
    }

    /** The penalty of the activations a forward pass left in {@code batch}. */
    double penalty(DenseStack.Buffers batch) {
        INDArray a = batch.hidden(layer);
        return lambda * Blas.dot(a, a) / batch.rows();
    }

    /** The factor of the layer's output in the penalty's gradient with respect to it, for a batch of rows. */
    double gradientWeight(int rows) {
        return 2 * lambda / rows;
    }
}
