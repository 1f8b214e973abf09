package org.imgcluster.cluster;

import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a {@link Clusterer} learned: a cluster per training point, centres where the algorithm has them, statistics. */
public interface Clustering {
    /** Cluster of each training point, 0..numClusters()-1 (a copy). */
    int[] labels();

    int numClusters();

    /** numClusters()×d centres, for algorithms that have them. */
    Optional<INDArray> centers();

    /** Algorithm statistics by name, e.g. {@code inertia}, {@code n_iter}, {@code log_likelihood}, {@code bic}. */
    Map<String, Double> statistics();

    /** Whether {@link #predict} can assign new points (k-means, GMM: yes; agglomerative, spectral: no). */
    default boolean canPredict() {
        return false;
    }

    /** Cluster of each row of {@code x} (same d as the training data). */
    default int[] predict(INDArray x) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot assign new points");
    }
}
