package org.imgcluster.features;

import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.linalg.Blas;
import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import me.tongfei.progressbar.ProgressBar;

/**
 * A pretrained {@link AutoencoderModel}'s network trained on by a loss of its codes, as DEC and IDEC fine-tune theirs:
 * minibatch steps on codeWeight·(code loss) + reconstructionWeight·(reconstruction loss), where the caller gives the
 * code loss and its gradient for each batch's codes. With reconstruction weight 0 only the encoder runs and learns
 * (DEC drops the decoder); otherwise the whole network does (IDEC keeps it), with the pretraining's reconstruction loss
 * (mean per value) and its activity penalty, if any. The passes are {@link DenseStack}'s and the step is Adam's
 * ({@link UpdaterStep}) with fresh moments, as a new optimizer starts, on a new network holding a copy of the
 * pretrained parameters: the pretrained model is left as it is. Until closed, ND4J runs its ops on the calling thread
 * ({@link CallerThreadOps}) and a progress bar over the steps goes to the log.
 */
public final class AutoencoderTuning implements AutoCloseable {
    /** A loss of a batch's codes. */
    @FunctionalInterface
    public interface CodeLoss {
        /** The loss of {@code codes} (rows×m, not to be changed); its gradient with respect to them into gradient. */
        double lossAndGradient(INDArray codes, INDArray gradient);
    }

    /** What one step measured: the code loss, and the reconstruction loss per value (NaN when it is not trained on). */
    public record StepLosses(double code, double reconstruction) {
    }

    private final AutoencoderModel pretrained;
    private final MultiLayerNetwork network;
    private final DenseStack stack;
    private final UpdaterStep updater;
    private final ReconstructionLoss loss;
    private final int codeLayer;
    private final ActivityL2 activity;
    private final double codeWeight;
    private final double reconstructionWeight;
    private final Map<Integer, DenseStack.Buffers> buffers = new HashMap<>();
    private final Map<Integer, INDArray> codeGradients = new HashMap<>();
    private final CallerThreadOps ops;
    private final ProgressBar progress;

    private AutoencoderTuning(String task, AutoencoderModel pretrained, Autoencoder settings, double codeWeight,
                              double reconstructionWeight, int steps) {
        this.pretrained = pretrained;
        this.network = settings.network(pretrained.inputDimension());
        network.setParams(pretrained.network().params());
        this.stack = DenseStack.of(network);
        // Without the reconstruction loss the decoder's gradient stays 0 and, with Adam's moments starting at 0, so
        // does its step: the decoder keeps its pretrained weights exactly.
        network.getFlattenedGradients().assign(0);
        this.updater = new UpdaterStep(network);
        this.loss = settings.architecture().loss();
        this.codeLayer = settings.architecture().codeLayer();
        this.activity = new ActivityL2(settings.activityL2(), codeLayer);
        this.codeWeight = codeWeight;
        this.reconstructionWeight = reconstructionWeight;
        this.ops = new CallerThreadOps();
        this.progress = EpochLoop.progressBar(task, steps, 0);
    }

    /**
     * Starts from {@code pretrained}'s weights, for at most {@code steps} steps of Adam at {@code learningRate}.
     *
     * @param task names the progress bar in the log
     */
    public static AutoencoderTuning start(String task, AutoencoderModel pretrained, double learningRate,
                                          double codeWeight, double reconstructionWeight, int steps) {
        Autoencoder settings = pretrained.extractor();
        return new AutoencoderTuning(task, pretrained, settings.withOptimizer(Optimizer.adam(learningRate)), codeWeight,
                reconstructionWeight, steps);
    }

    /** The codes of all rows with the weights as they are now. */
    public INDArray codes(DenseRows rows) {
        return stack.activations(rows.array(), codeLayer, AutoencoderModel.TRANSFORM_ROWS);
    }

    /** One Adam step on rows order[from..to-1] of {@code rows}; returns the batch's losses. */
    public StepLosses step(DenseRows rows, int[] order, int from, int to, CodeLoss codeLoss) {
        int count = to - from;
        DenseStack.Buffers batch = buffers.computeIfAbsent(count, r -> stack.buffers(r, stack.size()));
        INDArray codeGradient = codeGradients.computeIfAbsent(count,
                r -> Nd4j.create(DataType.FLOAT, r, stack.outputs(codeLayer)));
        BatchRows.copy(rows, order, from, to, batch.input());
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        double code;
        double reconstruction = Double.NaN;
        if (reconstructionWeight > 0) {
            INDArray logits = stack.logits(batch, loss.logitSign());
            code = codeLoss.lossAndGradient(batch.hidden(codeLayer), codeGradient);
            long values = (long) count * stack.inputs();
            reconstruction = loss.sumAndGradient(logits, batch.input(), batch.output()) / values;
            double joinWeight = codeWeight;
            if (activity.active()) {
                // The reconstruction loss's activity penalty joins the code loss's gradient at the code layer.
                codeGradient.muli(codeWeight);
                Blas.axpy(reconstructionWeight * activity.gradientWeight(count), batch.hidden(codeLayer),
                        codeGradient);
                joinWeight = 1;
            }
            stack.backward(batch, batch.output(), reconstructionWeight * loss.gradientFactor() / values, codeLayer,
                    codeGradient, joinWeight);
            stack.regularize(iteration, epoch);
        } else {
            code = codeLoss.lossAndGradient(stack.hidden(batch, codeLayer), codeGradient);
            stack.backwardFrom(batch, codeLayer, codeGradient, codeWeight);
            stack.regularize(iteration, epoch, codeLayer + 1);
        }
        updater.apply(iteration, epoch);
        network.setIterationCount(iteration + 1);
        progress.step();
        return new StepLosses(code, reconstruction);
    }

    /** The network as tuned so far, as a model of its own (a copy: later steps do not change it). */
    public AutoencoderModel model() {
        return new AutoencoderModel(pretrained.extractor(), network.clone(), pretrained.summary());
    }

    @Override
    public void close() {
        progress.close();
        ops.close();
    }
}
