package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;

import org.imgcluster.data.Require;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fitted {@link Raw} extractor: the identity on rows of {@code dimension} values. */
public record RawModel(int dimension) implements FittedFeatures {
    static final String NAME = "raw";

    public RawModel {
        Require.atLeast("dimension", dimension, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int inputDimension() {
        return dimension;
    }

    @Override
    public int outputDimension() {
        return dimension;
    }

    /** The rows themselves as a row-major float matrix: {@code x} itself, not a copy, when it already is one. */
    @Override
    public INDArray transform(INDArray x) {
        return FeatureInputs.require(x, dimension, "data to transform", "the raw model").array();
    }

    @Override
    public void save(Path file) throws IOException {
        new ModelFile.Writer(NAME).config("n_features", dimension).writeTo(file);
    }

    public static RawModel load(Path file) {
        ModelFile model = ModelFile.read(file, NAME);
        int dimension = model.intField("n_features");
        if (dimension < 1) {
            throw model.bad("n_features = " + dimension + " must be ≥ 1");
        }
        return new RawModel(dimension);
    }
}
