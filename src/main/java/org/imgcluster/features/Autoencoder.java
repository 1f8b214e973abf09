package org.imgcluster.features;

import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dense autoencoder whose code layer gives the features: {@link AutoencoderArchitecture#DENSE32} (the Fashion-MNIST
 * report's d → 32 → d) or {@link AutoencoderArchitecture#DEC} (DEC's and N2D's d-500-500-2000-10). Adam and
 * Glorot-uniform weights (Keras' defaults) unless told otherwise ({@link Optimizer}, {@link InitialWeights}), shuffled
 * minibatches, optional validation loss per epoch, optional checkpoints.
 * <p>
 * {@code l2} is Keras' {@code kernel_regularizer=l2(l2)} on the code layer's weights: it adds l2·Σw² to the loss
 * (DL4J's {@code l2(c)} adds c/2·Σw², so the network is configured with c = 2·l2). {@code activityL2} is Keras'
 * {@code activity_regularizer=l2(activityL2)} on the code layer's output: it adds activityL2·Σa² over a batch's codes,
 * divided by the batch's rows (see {@link ActivityL2}). The reported loss is Keras': the mean loss per value (binary
 * cross-entropy or squared error) plus those penalties.
 * <p>
 * Training runs {@link DenseTrainer}'s own step rather than {@code MultiLayerNetwork.fit}: on this small network
 * DL4J's per-step overhead (DataSet objects, workspace set-up, an op call per small product, its updater) outweighed
 * the arithmetic, about 3 s and 10 s an epoch at batch 2,056 and 256 on 2 cores; the step here (direct BLAS products
 * into arrays allocated once, ND4J ops on the calling thread, one pass of the update) takes about 0.45 s, the same
 * network, gradient and update step as DL4J's (tests hold them equal).
 */
public record Autoencoder(AutoencoderArchitecture architecture, int epochs, int batchSize, Optimizer optimizer,
                          InitialWeights weightInit, double l2, double activityL2, long seed)
        implements FeatureExtractor {
    static final String KIND = "autoencoder";

    public Autoencoder {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(weightInit, "weight_init");
        Require.atLeast("epochs", epochs, 1);
        Require.atLeast("batch_size", batchSize, 1);
        Require.nonNegative("l2", l2);
        Require.nonNegative("activity_l2", activityL2);
    }

    /**
     * The architecture with its defaults: 60 epochs, its batch size and L2 terms, Adam at 0.001, Glorot-uniform weights,
     * seed 42.
     */
    public static Autoencoder of(AutoencoderArchitecture architecture) {
        return new Autoencoder(architecture, 60, architecture.defaultBatchSize(), Optimizer.adam(1e-3),
                InitialWeights.GLOROT_UNIFORM, architecture.defaultL2(), architecture.defaultActivityL2(), 42);
    }

    /** The Fashion-MNIST report's autoencoder with its settings. */
    public static Autoencoder dense32() {
        return of(AutoencoderArchitecture.DENSE32);
    }

    public Autoencoder withEpochs(int count) {
        return new Autoencoder(architecture, count, batchSize, optimizer, weightInit, l2, activityL2, seed);
    }

    public Autoencoder withBatchSize(int rows) {
        return new Autoencoder(architecture, epochs, rows, optimizer, weightInit, l2, activityL2, seed);
    }

    public Autoencoder withOptimizer(Optimizer value) {
        return new Autoencoder(architecture, epochs, batchSize, value, weightInit, l2, activityL2, seed);
    }

    public Autoencoder withWeightInit(InitialWeights value) {
        return new Autoencoder(architecture, epochs, batchSize, optimizer, value, l2, activityL2, seed);
    }

    public Autoencoder withL2(double weights, double activity) {
        return new Autoencoder(architecture, epochs, batchSize, optimizer, weightInit, weights, activity, seed);
    }

    public Autoencoder withSeed(long value) {
        return new Autoencoder(architecture, epochs, batchSize, optimizer, weightInit, l2, activityL2, value);
    }

    @Override
    public String name() {
        return KIND + "(architecture=" + architecture + ", epochs=" + epochs + ", batch_size=" + batchSize
                + (optimizer.kind() == Optimizer.Kind.ADAM ? "" : ", optimizer=" + optimizer.kind().lowerName())
                + (weightInit == InitialWeights.GLOROT_UNIFORM ? "" : ", weight_init=" + weightInit) + ")";
    }

    /** Trains on the rows of x with no validation data and no checkpoints. */
    @Override
    public AutoencoderModel fit(INDArray x) {
        return fit(x, null, TrainingRun.none());
    }

    /**
     * Trains on the rows of x (n×d, finite; in [0, 1] for the binary cross-entropy of dense32, as {@link PixelMatrix}
     * gives them), measuring the loss on {@code validation} (m×d, or null) after every epoch. With a checkpoint folder
     * in {@code run} it saves the training there (see {@link EpochLoop} for how often), and resumes from what it finds
     * there.
     */
    public AutoencoderModel fit(INDArray x, INDArray validation, TrainingRun run) {
        long start = System.nanoTime();
        DenseRows rows = DenseRows.of(x, "training data");
        architecture.loss().requireTargets(rows, "training data");
        DenseRows held = validation == null ? null
                : FeatureInputs.require(validation, rows.d(), "validation data", name());
        if (held != null) {
            architecture.loss().requireTargets(held, "validation data");
        }
        Checkpoints.Start begin = Checkpoints.start(run, name(), KIND, config(), olderCardDefaults(),
                DataFingerprint.of(rows, null), () -> network(rows.d()));
        DenseTrainer trainer = new DenseTrainer(begin.network(), architecture.loss(),
                new ActivityL2(activityL2, architecture.codeLayer()));
        int steps = (rows.n() + batchSize - 1) / batchSize;
        List<EpochRecord> history;
        try (CallerThreadOps scope = new CallerThreadOps()) {
            history = EpochLoop.run(name(), epochs, steps, begin.done(), (epoch, stepDone) -> {
                double loss = trainer.epoch(rows, EpochOrder.permutation(rows.n(), seed, epoch), batchSize,
                        stepDone);
                return held == null ? EpochScores.trainingOnly(loss)
                        : new EpochScores(loss, trainer.meanLoss(held.array(), batchSize), Double.NaN);
            }, begin.checkpoint());
        }
        TrainingSummary summary = new TrainingSummary(history, run.dataset(), run.split(), rows.n(),
                held == null ? 0 : held.n(), (System.nanoTime() - start) / 1e9);
        return new AutoencoderModel(this, begin.network(), summary);
    }

    /** A new network for d inputs, its weights drawn from the seed. */
    MultiLayerNetwork network(int inputs) {
        int[] widths = architecture.widths(inputs);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(weightInit.dl4j())
                .updater(optimizer.updater())
                .miniBatch(false) // DenseTrainer's gradient is already the minibatch mean's
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int output = widths.length - 2;
        for (int l = 0; l < output; l++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(widths[l]).nOut(widths[l + 1])
                    .activation(architecture.activation(l));
            if (l == architecture.codeLayer() && l2 > 0) {
                dense.l2(2 * l2);
            }
            layers.layer(dense.build());
        }
        ReconstructionLoss loss = architecture.loss();
        layers.layer(new OutputLayer.Builder(loss.dl4jLoss()).nIn(widths[output]).nOut(widths[output + 1])
                .activation(loss.outputActivation()).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /** The hyper-parameters as the model card and checkpoints record them. */
    ObjectNode config() {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("architecture", architecture.key())
                .put("epochs", epochs).put("batch_size", batchSize);
        optimizer.write(config);
        return config.put("weight_init", weightInit.toString()).put("l2", l2).put("activity_l2", activityL2)
                .put("seed", seed);
    }

    /**
     * The settings that model cards and checkpoints written before them lack, with the values those trainings used: no
     * activity penalty, Adam, Glorot-uniform weights.
     */
    static ObjectNode olderCardDefaults() {
        return JsonNodeFactory.instance.objectNode().put("activity_l2", 0.0)
                .put("optimizer", Optimizer.Kind.ADAM.lowerName())
                .put("weight_init", InitialWeights.GLOROT_UNIFORM.toString());
    }

    static Autoencoder fromConfig(ModelCard written) {
        ModelCard card = written.withDefaults("/config", olderCardDefaults());
        String architecture = card.textAt("/config/architecture");
        int epochs = card.intAt("/config/epochs");
        int batchSize = card.intAt("/config/batch_size");
        double l2 = card.doubleAt("/config/l2");
        double activityL2 = card.doubleAt("/config/activity_l2");
        long seed = card.longAt("/config/seed");
        try {
            return new Autoencoder(AutoencoderArchitecture.parse(architecture), epochs, batchSize,
                    Optimizer.read(card), InitialWeights.parse(card.textAt("/config/weight_init")), l2, activityL2,
                    seed);
        } catch (BadInputException e) {
            throw card.bad(e.getMessage());
        }
    }
}
