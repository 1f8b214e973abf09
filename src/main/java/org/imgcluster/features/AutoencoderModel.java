package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trained {@link Autoencoder}: its features are the code layer's activations, from a forward pass through the
 * encoder only. Saved as a DL4J zip ({@code ModelSerializer}, updater state included) with a JSON model card beside it.
 * Immutable: nothing changes the network after training.
 */
public final class AutoencoderModel implements TrainedNetwork {
    /** Rows per forward pass of {@link #transform}: fixed, so the features never depend on how they were asked for. */
    static final int TRANSFORM_ROWS = 2048;

    private final Autoencoder extractor;
    private final MultiLayerNetwork network;
    private final DenseStack stack;
    private final TrainingSummary summary;

    AutoencoderModel(Autoencoder extractor, MultiLayerNetwork network, TrainingSummary summary) {
        this.extractor = extractor;
        this.network = network;
        this.stack = DenseStack.of(network);
        this.summary = summary;
    }

    /** The extractor (hyper-parameters) that produced this model. */
    public Autoencoder extractor() {
        return extractor;
    }

    /** The trained network (tests compare it with DL4J's own computations). */
    MultiLayerNetwork network() {
        return network;
    }

    /** The per-epoch losses, the data and the time of the training. */
    @Override
    public TrainingSummary summary() {
        return summary;
    }

    @Override
    public String name() {
        return extractor.name();
    }

    @Override
    public int inputDimension() {
        return stack.inputs();
    }

    @Override
    public int outputDimension() {
        return stack.outputs(extractor.architecture().codeLayer());
    }

    /** The code of each row: n×{@link #outputDimension()}. */
    @Override
    public INDArray transform(INDArray x) {
        INDArray rows = FeatureInputs.require(x, inputDimension(), "data to transform", name()).array();
        return stack.activations(rows, extractor.architecture().codeLayer(), TRANSFORM_ROWS);
    }

    @Override
    public void save(Path file) throws IOException {
        ObjectNode card = ModelCard.create(Autoencoder.KIND).put("name", name());
        card.set("config", extractor.config());
        card.putObject("input").put("n_features", inputDimension());
        card.putObject("output").put("n_features", outputDimension());
        summary.writeTo(card);
        card.put("seed", extractor.seed());
        NetworkZip.saveWithCard(network, file, card);
    }

    /**
     * Reads a model written by {@link #save}: the zip and the card beside it. A missing, truncated or corrupt file is
     * refused in one line naming it.
     */
    public static AutoencoderModel load(Path file) {
        NetworkZip.Saved saved = NetworkZip.loadWithCard(file, Autoencoder.KIND);
        ModelCard card = saved.card();
        AutoencoderModel model = new AutoencoderModel(Autoencoder.fromConfig(card), saved.network(),
                TrainingSummary.read(card));
        if (model.inputDimension() != card.intAt("/input/n_features")
                || model.outputDimension() != card.intAt("/output/n_features")) {
            throw card.bad("its network maps " + model.inputDimension() + " → " + model.outputDimension()
                    + " values, the card says " + card.at("/input/n_features") + " → " + card.at("/output/n_features"));
        }
        return model;
    }
}
