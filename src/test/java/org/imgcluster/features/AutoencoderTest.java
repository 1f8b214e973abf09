package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The dense autoencoder: it learns on real Fashion-MNIST images, its codes are what they should be, and its own
 * training step computes what DL4J would (gradient, score, L2 and Adam), so the saved network means the same to DL4J.
 */
class AutoencoderTest {
    @Test
    void trainingLowersBothLossesAndTheCodesHave32DeterministicDimensions() {
        INDArray train = NetworkFixtures.fashionRows(0, 2000);
        INDArray validation = NetworkFixtures.fashionRows(2000, 500);
        AutoencoderModel model = Autoencoder.dense32().withEpochs(4).withBatchSize(128)
                .fit(train, validation, TrainingRun.none());

        List<EpochRecord> history = model.summary().history();
        assertThat(history).hasSize(4);
        for (int e = 1; e < history.size(); e++) {
            assertThat(history.get(e).scores().loss()).as("training loss after epoch %d", e + 1)
                    .isLessThan(history.get(e - 1).scores().loss());
            assertThat(history.get(e).scores().validationLoss()).as("validation loss after epoch %d", e + 1)
                    .isLessThan(history.get(e - 1).scores().validationLoss());
        }
        INDArray codes = model.transform(validation);
        assertThat(codes.shape()).containsExactly(500, 32);
        assertThat(model.outputDimension()).isEqualTo(32);
        assertThat(Matrices.toFloatArray(model.transform(validation))).as("a second transform")
                .isEqualTo(Matrices.toFloatArray(codes));
        assertThat(codes.stdNumber().doubleValue()).as("codes vary").isGreaterThan(0.01);
        float[] dl4jCodes = Matrices.toFloatArray(model.network().feedForwardToLayer(0, validation).get(1));
        assertThat(NetworkFixtures.largestDifference(Matrices.toFloatArray(codes), dl4jCodes))
                .as("difference to the codes DL4J computes from the trained network").isLessThan(1e-4f);
    }

    /**
     * One step's gradient and score against DL4J's {@code computeGradientAndScore} on the same network and rows.
     * DL4J scores a row by its loss summed over the values for XENT and averaged for MSE, adds the rows (the network
     * is configured miniBatch(false)) and its L2 penalty; the step works with the sum over all values of the batch,
     * so the two differ by a known factor.
     */
    @ParameterizedTest
    @EnumSource(AutoencoderArchitecture.class)
    void theStepsGradientAndScoreAreDl4jsOwn(AutoencoderArchitecture architecture) {
        int n = 8;
        int d = 12;
        INDArray x = NetworkFixtures.uniformRows(n, d, 5);
        MultiLayerNetwork network = withWeightL2(architecture).network(d);
        DenseStack stack = DenseStack.of(network);
        DenseStack.Buffers buffers = stack.buffers(n, stack.size());
        buffers.input().assign(x);
        ReconstructionLoss loss = architecture.loss();
        double perRow = loss == ReconstructionLoss.MEAN_SQUARED_ERROR ? 1.0 / d : 1.0;
        double sum = loss.sumAndGradient(stack.logits(buffers, loss.logitSign()), buffers.input(), buffers.output());
        stack.backward(buffers, buffers.output(), loss.gradientFactor() * perRow);
        float[] ours = Matrices.toFloatArray(network.getFlattenedGradients());

        network.setInput(x);
        network.setLabels(x);
        network.computeGradientAndScore();
        float[] theirs = Matrices.toFloatArray(network.gradient().gradient());

        assertThat(network.score()).as("DL4J's score")
                .isCloseTo(sum * perRow + stack.penalty(0, 0), within(1e-5 * Math.abs(network.score())));
        assertThat(stack.penalty(0, 0)).isCloseTo(network.calcRegularizationScore(true), within(1e-6));
        float largest = NetworkFixtures.largestDifference(theirs, new float[theirs.length]);
        assertThat(NetworkFixtures.largestDifference(ours, theirs)).as("largest difference to DL4J's gradient")
                .isLessThanOrEqualTo(largest * 1e-4f);
    }

    static List<Optimizer> optimizers() {
        return List.of(Optimizer.adam(1e-3), Optimizer.nesterovs(0.5, 0.9));
    }

    /** Three steps of L2 and the update from the same gradients: this code's, and DL4J's updater's, on equal networks. */
    @ParameterizedTest
    @MethodSource("optimizers")
    void theL2TermAndUpdateStepAreDl4jsUpdater(Optimizer optimizer) {
        int d = 12;
        MultiLayerNetwork ours = withWeightL2(AutoencoderArchitecture.DENSE32).withOptimizer(optimizer).network(d);
        MultiLayerNetwork theirs = withWeightL2(AutoencoderArchitecture.DENSE32).withOptimizer(optimizer).network(d);
        DenseStack stack = DenseStack.of(ours);
        UpdaterStep updater = new UpdaterStep(ours);
        theirs.initGradientsView();
        for (int iteration = 0; iteration < 3; iteration++) {
            INDArray gradient = NetworkFixtures.uniformRows(1, (int) ours.numParams(), 10 + iteration).subi(0.5);
            ours.getFlattenedGradients().assign(gradient);
            theirs.getFlattenedGradients().assign(gradient);

            stack.regularize(iteration, 0);
            updater.apply(iteration, 0);
            theirs.getUpdater(true).update(theirs, new DefaultGradient(theirs.getFlattenedGradients()), iteration, 0, 8,
                    LayerWorkspaceMgr.noWorkspaces());
            theirs.params().subi(theirs.getFlattenedGradients().reshape(theirs.params().shape()));
        }
        assertThat(NetworkFixtures.largestDifference(Matrices.toFloatArray(ours.params()),
                Matrices.toFloatArray(theirs.params()))).as("parameters").isLessThan(1e-6f);
        assertThat(NetworkFixtures.largestDifference(Matrices.toFloatArray(ours.getUpdater().getStateViewArray()),
                Matrices.toFloatArray(theirs.getUpdater().getStateViewArray()))).as("updater state").isLessThan(1e-6f);
    }

    /** fan_in_uniform draws every weight from U(±1/√fan_in): variance 1/(3·fan_in); biases start at 0. */
    @Test
    void fanInUniformWeightsHaveTheirRangeAndVariance() {
        MultiLayerNetwork network = Autoencoder.of(AutoencoderArchitecture.DEC)
                .withWeightInit(InitialWeights.FAN_IN_UNIFORM).network(784);
        float[] w = Matrices.toFloatArray(network.getLayer(0).getParam("W"));
        assertThat(w).hasSize(784 * 500);
        double limit = 1 / Math.sqrt(784);
        double sum = 0;
        for (float v : w) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
            sum += (double) v * v;
        }
        assertThat(sum / w.length).isCloseTo(limit * limit / 3, within(0.02 * limit * limit / 3));
        assertThat(Matrices.toFloatArray(network.getLayer(0).getParam("b"))).containsOnly(0f);
    }

    /** The architecture's network with Keras' L2 0.01 on the code layer's weights. */
    private static Autoencoder withWeightL2(AutoencoderArchitecture architecture) {
        return Autoencoder.of(architecture).withL2(0.01, 0);
    }

    /**
     * dense32's activity penalty λ·Σa²/n on the codes a = selu(z), z = xW + b: its value, and its gradient, which
     * changes only the code layer's: (2λ/n)·Σ_rows a·selu'(z)·x for W, without the x for b. Computed by hand here.
     */
    @Test
    void theActivityPenaltyAndItsGradientAreTheHandComputedOnes() {
        int n = 8;
        int d = 12;
        double lambda = 0.01;
        float[][] x = NetworkFixtures.uniformRows(n, d, 7).toFloatMatrix();
        MultiLayerNetwork network = Autoencoder.dense32().withL2(0, 0).network(d);
        DenseStack stack = DenseStack.of(network);
        DenseStack.Buffers buffers = stack.buffers(n, stack.size());
        buffers.input().assign(Nd4j.createFromArray(x));
        ReconstructionLoss loss = AutoencoderArchitecture.DENSE32.loss();
        double scale = loss.gradientFactor() / (n * d);
        ActivityL2 activity = new ActivityL2(lambda, 0);

        loss.sumAndGradient(stack.logits(buffers, loss.logitSign()), buffers.input(), buffers.output());
        stack.backward(buffers, buffers.output(), scale);
        INDArray without = network.getFlattenedGradients().dup();
        loss.sumAndGradient(stack.logits(buffers, loss.logitSign()), buffers.input(), buffers.output());
        double penalty = activity.penalty(buffers);
        stack.backward(buffers, buffers.output(), scale, 0, buffers.hidden(0), activity.gradientWeight(n));
        INDArray added = network.getFlattenedGradients().sub(without).ravel();

        float[][] w = network.getLayer(0).getParam("W").toFloatMatrix();
        float[] b = network.getLayer(0).getParam("b").toFloatVector();
        double selu = 1.0507009873554805;
        double alpha = 1.6732632423543772;
        double expectedPenalty = 0;
        double[][] expectedW = new double[d][32];
        double[] expectedB = new double[32];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < 32; j++) {
                double z = b[j];
                for (int i = 0; i < d; i++) {
                    z += x[r][i] * w[i][j];
                }
                double a = z > 0 ? selu * z : selu * alpha * (Math.exp(z) - 1);
                double slope = z > 0 ? selu : selu * alpha * Math.exp(z);
                expectedPenalty += lambda * a * a / n;
                double g = 2 * lambda / n * a * slope;
                expectedB[j] += g;
                for (int i = 0; i < d; i++) {
                    expectedW[i][j] += g * x[r][i];
                }
            }
        }
        assertThat(penalty).isCloseTo(expectedPenalty, within(1e-6 * expectedPenalty));
        Layer code = network.getLayer(0);
        long codeParams = code.numParams();
        Map<String, INDArray> codeGradient = ((BaseLayer) code.conf().getLayer()).initializer()
                .getGradientsFromFlattened(code.conf(), added.get(NDArrayIndex.interval(0, codeParams)).dup());
        float[][] addedW = codeGradient.get("W").toFloatMatrix();
        float[] addedB = codeGradient.get("b").toFloatVector();
        for (int j = 0; j < 32; j++) {
            assertThat((double) addedB[j]).as("b[%d]", j).isCloseTo(expectedB[j], within(1e-6));
            for (int i = 0; i < d; i++) {
                assertThat((double) addedW[i][j]).as("W[%d][%d]", i, j).isCloseTo(expectedW[i][j], within(1e-6));
            }
        }
        float[] decoder = Matrices.toFloatArray(added.get(NDArrayIndex.interval(codeParams, added.length())));
        assertThat(NetworkFixtures.largestDifference(decoder, new float[decoder.length])).as("decoder's gradient")
                .isLessThan(1e-7f);
    }

    @Test
    void theDecArchitectureLearnsTenDimensionalCodes() {
        INDArray x = NetworkFixtures.fashionRows(0, 300);
        AutoencoderModel model = Autoencoder.of(AutoencoderArchitecture.DEC).withEpochs(3).withBatchSize(100).fit(x);

        List<EpochRecord> history = model.summary().history();
        assertThat(history.get(2).scores().loss()).isLessThan(history.get(0).scores().loss());
        assertThat(model.transform(x).shape()).containsExactly(300, 10);
    }

    @Test
    void badSettingsAndDataAreRefusedInOneLine() {
        oneLine(() -> Autoencoder.dense32().withEpochs(0), BadInputException.class).isEqualTo("epochs = 0 must be ≥ 1");
        oneLine(() -> AutoencoderArchitecture.parse("dense64"), BadInputException.class)
                .isEqualTo("autoencoder architecture 'dense64' is not one of dense32, dec");
        assertThat(AutoencoderArchitecture.parse(" DEC ")).isEqualTo(AutoencoderArchitecture.DEC);
        oneLine(() -> Optimizer.nesterovs(1, 1), BadInputException.class).isEqualTo("momentum = 1.0 must lie in [0, 1)");
        oneLine(() -> Optimizer.adam(0), BadInputException.class)
                .isEqualTo("learning_rate = 0.0 must be a positive number");
        oneLine(() -> Optimizer.Kind.parse("sgd"), BadInputException.class)
                .isEqualTo("optimizer = 'sgd' is not one of adam, nesterovs");
        oneLine(() -> InitialWeights.parse("he"), BadInputException.class)
                .isEqualTo("weight_init = 'he' is not one of glorot_uniform, fan_in_uniform");
        INDArray scaled = NetworkFixtures.uniformRows(20, 6, 3).muli(255);
        oneLine(() -> Autoencoder.dense32().fit(scaled), BadInputException.class)
                .startsWith("training data contain").contains("binary cross-entropy needs values in [0, 1]");
    }
}
