package org.imgcluster.cluster;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A clustering algorithm with its hyper-parameters fixed: {@code fit} learns from an n×d float matrix. */
public interface Clusterer {
    /** Short name for logs and results, e.g. {@code kmeans}. */
    String name();

    Clustering fit(INDArray x);
}
