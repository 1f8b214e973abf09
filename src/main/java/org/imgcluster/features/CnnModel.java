package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trained {@link CnnFeatures} network: its features are the 64 activations of the dense layer before the
 * classifier. Its input is {@link PixelMatrix} rows of images of the shape it was trained on. Saved as a DL4J zip
 * ({@code ModelSerializer}, updater state included) with a JSON model card beside it. Immutable.
 */
public final class CnnModel implements TrainedNetwork {
    /** Images per forward pass of {@link #transform}: the first convolution's output for 256 images is 22 MB. */
    private static final int TRANSFORM_ROWS = 256;

    private final CnnFeatures extractor;
    private final MultiLayerNetwork network;
    private final ImageShape shape;
    private final int classes;
    private final TrainingSummary summary;

    CnnModel(CnnFeatures extractor, MultiLayerNetwork network, ImageShape shape, int classes, TrainingSummary summary) {
        this.extractor = extractor;
        this.network = network;
        this.shape = shape;
        this.classes = classes;
        this.summary = summary;
    }

    public CnnFeatures extractor() {
        return extractor;
    }

    /** The per-epoch losses and validation accuracy, the data and the time of the training. */
    @Override
    public TrainingSummary summary() {
        return summary;
    }

    public ImageShape imageShape() {
        return shape;
    }

    /** The number of classes the network was trained to tell apart. */
    public int classes() {
        return classes;
    }

    /** The trained network (tests compare it with DL4J's own computations). */
    MultiLayerNetwork network() {
        return network;
    }

    @Override
    public String name() {
        return extractor.name();
    }

    @Override
    public int inputDimension() {
        return shape.length();
    }

    @Override
    public int outputDimension() {
        return (int) network.getLayer(CnnFeatures.FEATURE_LAYER).getParam("W").columns();
    }

    /** The dense layer's activations for each row of x: n×64. */
    @Override
    public INDArray transform(INDArray x) {
        INDArray rows = FeatureInputs.require(x, inputDimension(), "data to transform", name()).array();
        int n = (int) rows.rows();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, outputDimension());
        for (int from = 0; from < n; from += TRANSFORM_ROWS) {
            int to = Math.min(n, from + TRANSFORM_ROWS);
            INDArray images = ChannelsFirst.of(Distances.rows(rows, from, to), shape);
            INDArray features = network.feedForwardToLayer(CnnFeatures.FEATURE_LAYER, images, false)
                    .get(CnnFeatures.FEATURE_LAYER + 1);
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(features);
        }
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        ObjectNode card = ModelCard.create(CnnFeatures.KIND).put("name", name());
        card.set("config", extractor.config());
        card.putObject("input").put("height", shape.height()).put("width", shape.width())
                .put("channels", shape.channels()).put("classes", classes);
        card.putObject("output").put("n_features", outputDimension());
        summary.writeTo(card);
        card.put("seed", extractor.seed());
        NetworkZip.saveWithCard(network, file, card);
    }

    /**
     * Reads a model written by {@link #save}: the zip and the card beside it. A missing, truncated or corrupt file is
     * refused in one line naming it.
     */
    public static CnnModel load(Path file) {
        NetworkZip.Saved saved = NetworkZip.loadWithCard(file, CnnFeatures.KIND);
        ModelCard card = saved.card();
        int height = card.intAt("/input/height");
        int width = card.intAt("/input/width");
        int channels = card.intAt("/input/channels");
        ImageShape shape;
        try {
            shape = new ImageShape(height, width, channels);
        } catch (BadInputException e) {
            throw card.bad(e.getMessage());
        }
        int classes = card.intAt("/input/classes");
        CnnModel model = new CnnModel(CnnFeatures.fromConfig(card), saved.network(), shape, classes,
                TrainingSummary.read(card));
        long outputs = saved.network().getLayer(saved.network().getnLayers() - 1).getParam("W").columns();
        if (outputs != classes || model.outputDimension() != card.intAt("/output/n_features")) {
            throw card.bad("its network has " + outputs + " classes and " + model.outputDimension()
                    + " features, the card says " + classes + " and " + card.at("/output/n_features"));
        }
        return model;
    }
}
