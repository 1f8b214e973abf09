package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link FeatureExtractor} learned: an immutable map from n×{@link #inputDimension()} rows to
 * n×{@link #outputDimension()} features. Each kind reads its saved file back with its own static {@code load(Path)}.
 */
public interface FittedFeatures {
    /** The name of the extractor that produced it. */
    String name();

    /** Values per input row (d of the training data). */
    int inputDimension();

    /** Features per output row. */
    int outputDimension();

    /**
     * The features of each row of {@code x} (n×inputDimension(), finite) as an n×outputDimension() float matrix: a new
     * one, except from {@link RawModel}, whose features are its input. Callers do not modify it in place.
     */
    INDArray transform(INDArray x);

    /** Writes the model so that a reader never sees a half-written file (temporary file, then rename). */
    void save(Path file) throws IOException;
}
