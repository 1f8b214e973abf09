package org.imgcluster.features;

/**
 * What one epoch of training measured: the mean training loss over its minibatches, and the loss and accuracy on the
 * validation data; NaN where there is nothing to measure (no validation data, no accuracy for an autoencoder).
 */
public record EpochScores(double loss, double validationLoss, double validationAccuracy) {
    public static EpochScores trainingOnly(double loss) {
        return new EpochScores(loss, Double.NaN, Double.NaN);
    }
}
