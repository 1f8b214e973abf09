package org.imgcluster.features;

/** Features from a network trained epoch by epoch: its training history goes into reports and model cards. */
public interface TrainedNetwork extends FittedFeatures {
    /** The per-epoch losses (and validation accuracy where the network classifies), the data and the time. */
    TrainingSummary summary();
}
