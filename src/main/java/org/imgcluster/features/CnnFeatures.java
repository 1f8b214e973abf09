package org.imgcluster.features;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Require;
import org.imgcluster.data.Subsample;
import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Features from a CNN trained with the labels, as the MNIST semi-supervised notebook builds it: Conv(32, 3×3, ReLU) →
 * MaxPool 2×2 → Conv(64, 3×3, ReLU) → MaxPool 2×2 → Conv(64, 3×3, ReLU) → Flatten → Dense(64, ReLU) → Dense(classes,
 * softmax), Adam, cross-entropy, Keras' defaults (valid padding, Glorot-uniform weights, batch 32). It trains on a
 * seeded stratified split of the images ({@code validationFraction} held out, 0.2 for the notebook's 80/20) and
 * reports the held-out loss and accuracy after every epoch. The features are the 64 activations of the dense layer.
 */
public record CnnFeatures(int epochs, int batchSize, double learningRate, double validationFraction, long seed) {
    static final String KIND = "cnn";
    /** The index of the 64-unit dense layer among the network's layers. */
    static final int FEATURE_LAYER = 5;
    private static final int FEATURES = 64;
    /** The smallest side the three valid 3×3 convolutions and two 2×2 poolings leave a pixel of. */
    private static final int SMALLEST_SIDE = 18;

    public CnnFeatures {
        Require.atLeast("epochs", epochs, 1);
        Require.atLeast("batch_size", batchSize, 1);
        Require.positive("learning_rate", learningRate);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new BadInputException("validation_fraction = " + validationFraction
                    + " must lie strictly between 0 and 1");
        }
    }

    /** The notebook's settings: 10 epochs, batch 32, learning rate 0.001, 20 % held out, seed 42. */
    public static CnnFeatures defaults() {
        return new CnnFeatures(10, 32, 1e-3, 0.2, 42);
    }

    public CnnFeatures withEpochs(int count) {
        return new CnnFeatures(count, batchSize, learningRate, validationFraction, seed);
    }

    public CnnFeatures withBatchSize(int rows) {
        return new CnnFeatures(epochs, rows, learningRate, validationFraction, seed);
    }

    public String name() {
        return KIND + "(epochs=" + epochs + ", batch_size=" + batchSize + ")";
    }

    /**
     * Trains on labelled images of at least 18×18 pixels (any number of channels). With a checkpoint folder in
     * {@code run} it saves the training there (see {@link EpochLoop} for how often), and resumes from what it finds
     * there.
     */
    public CnnModel fit(ImageSet images, TrainingRun run) {
        long start = System.nanoTime();
        ImageShape shape = requireTrainable(images);
        int classes = Math.max(images.numClasses(), Arrays.stream(images.labels()).max().orElse(0) + 1);
        DenseRows rows = DenseRows.of(PixelMatrix.of(images), "training images");
        int[] labels = images.labels();
        int[] held = Subsample.stratifiedIndices(images, heldOutCount(images.size()), seed);
        int[] training = complement(held, images.size());
        INDArray heldImages = ChannelsFirst.of(Nd4j.pullRows(rows.array(), 1, held), shape);
        int[] heldLabels = Arrays.stream(held).map(i -> labels[i]).toArray();

        Checkpoints.Start begin = Checkpoints.start(run, name(), KIND, config(), JsonNodeFactory.instance.objectNode(),
                DataFingerprint.of(rows, labels), () -> network(shape, classes));
        CnnTrainer trainer = new CnnTrainer(begin.network(), shape, classes);
        int steps = (training.length + batchSize - 1) / batchSize;
        List<EpochRecord> history = EpochLoop.run(name(), epochs, steps, begin.done(), (epoch, stepDone) -> {
            int[] order = EpochOrder.permutation(training.length, seed, epoch);
            double loss = trainer.epoch(rows, labels, Arrays.stream(order).map(k -> training[k]).toArray(), batchSize,
                    stepDone);
            CnnTrainer.Evaluation measured = trainer.evaluate(heldImages, heldLabels);
            return new EpochScores(loss, measured.loss(), measured.accuracy());
        }, begin.checkpoint());
        TrainingSummary summary = new TrainingSummary(history, run.dataset(), run.split(), training.length,
                held.length, (System.nanoTime() - start) / 1e9);
        return new CnnModel(this, begin.network(), shape, classes, summary);
    }

    private static ImageShape requireTrainable(ImageSet images) {
        if (!images.hasLabels()) {
            throw new BadInputException("the CNN trains on labels, and " + images.source() + " has none");
        }
        ImageShape shape = ImageShape.of(images);
        if (shape.height() < SMALLEST_SIDE || shape.width() < SMALLEST_SIDE) {
            throw new BadInputException("the CNN needs images of at least " + SMALLEST_SIDE + "×" + SMALLEST_SIDE
                    + " pixels (three 3×3 convolutions and two 2×2 poolings), got " + shape);
        }
        return shape;
    }

    private int heldOutCount(int n) {
        int count = (int) Math.round(n * validationFraction);
        if (count < 1 || count > n - 1) {
            throw new BadInputException("validation_fraction = " + validationFraction + " of " + n
                    + " images leaves " + count + " to validate on and " + (n - count) + " to train on; both need ≥ 1");
        }
        return count;
    }

    /** The indices 0..n-1 not in {@code sorted}, ascending. */
    private static int[] complement(int[] sorted, int n) {
        return IntStream.range(0, n).filter(i -> Arrays.binarySearch(sorted, i) < 0).toArray();
    }

    /** A new network for images of the given shape, its weights drawn from the seed. */
    MultiLayerNetwork network(ImageShape shape, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(learningRate))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(convolution(32))
                .layer(maxPooling())
                .layer(convolution(64))
                .layer(maxPooling())
                .layer(convolution(64))
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()))
                .build());
        network.init();
        return network;
    }

    private static ConvolutionLayer convolution(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer maxPooling() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    /** The hyper-parameters as the model card and checkpoints record them. */
    ObjectNode config() {
        return JsonNodeFactory.instance.objectNode().put("epochs", epochs).put("batch_size", batchSize)
                .put("learning_rate", learningRate).put("validation_fraction", validationFraction).put("seed", seed);
    }

    static CnnFeatures fromConfig(ModelCard card) {
        int epochs = card.intAt("/config/epochs");
        int batchSize = card.intAt("/config/batch_size");
        double learningRate = card.doubleAt("/config/learning_rate");
        double validationFraction = card.doubleAt("/config/validation_fraction");
        long seed = card.longAt("/config/seed");
        try {
            return new CnnFeatures(epochs, batchSize, learningRate, validationFraction, seed);
        } catch (BadInputException e) {
            throw card.bad(e.getMessage());
        }
    }
}
