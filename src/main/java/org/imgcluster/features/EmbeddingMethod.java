package org.imgcluster.features;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A nonlinear embedding into a few dimensions (t-SNE, UMAP, Isomap) as a feature extractor. Unlike PCA these learn
 * no map for new points: the {@link Embedding} they return holds the coordinates of the rows they were fitted on.
 * Methods whose memory grows with n² embed a subsample of the rows; the embedding records which.
 */
public interface EmbeddingMethod extends FeatureExtractor {
    /** Embeds the rows of {@code x} (or a uniform subsample of them, where the method subsamples). */
    @Override
    default Embedding fit(INDArray x) {
        return fit(x, null);
    }

    /**
     * Embeds the rows of {@code x}; {@code labels} (one per row, ≥ 0, or null) only decide which rows a subsample
     * keeps, each class keeping its share as {@link org.imgcluster.data.Subsample#stratified} does. They never steer
     * the embedding itself.
     */
    Embedding fit(INDArray x, int[] labels);
}
