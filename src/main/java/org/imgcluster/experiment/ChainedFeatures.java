package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.imgcluster.features.FittedFeatures;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fitted features followed by features fitted on their output (a config's {@code then}). */
record ChainedFeatures(FittedFeatures first, FittedFeatures then) implements FittedFeatures {
    @Override
    public String name() {
        return first.name() + " → " + then.name();
    }

    @Override
    public int inputDimension() {
        return first.inputDimension();
    }

    @Override
    public int outputDimension() {
        return then.outputDimension();
    }

    @Override
    public INDArray transform(INDArray x) {
        return then.transform(first.transform(x));
    }

    /** Each part beside the other: {@code file} gets the first, {@code <file>-then.<ext>} the one that follows it. */
    @Override
    public void save(Path file) throws IOException {
        first.save(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        then.save(file.resolveSibling(dot > 0 ? name.substring(0, dot) + "-then" + name.substring(dot)
                : name + "-then"));
    }

    /** The fitted parts, in order, chains unrolled. */
    List<FittedFeatures> parts() {
        return Stream.of(first, then)
                .flatMap(f -> f instanceof ChainedFeatures c ? c.parts().stream() : Stream.of(f))
                .toList();
    }
}
