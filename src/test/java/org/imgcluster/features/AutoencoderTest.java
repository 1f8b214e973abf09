package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.util.List;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        MultiLayerNetwork network = Autoencoder.of(architecture).network(d);
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

    /** Two steps of L2 and Adam from the same gradients: this code's, and DL4J's updater's on an identical network. */
    @Test
    void theL2TermAndAdamStepAreDl4jsUpdater() {
        int d = 12;
        MultiLayerNetwork ours = Autoencoder.dense32().network(d);
        MultiLayerNetwork theirs = Autoencoder.dense32().network(d);
        DenseStack stack = DenseStack.of(ours);
        AdamStep adam = new AdamStep(ours);
        theirs.initGradientsView();
        for (int iteration = 0; iteration < 2; iteration++) {
            INDArray gradient = NetworkFixtures.uniformRows(1, (int) ours.numParams(), 10 + iteration).subi(0.5);
            ours.getFlattenedGradients().assign(gradient);
            theirs.getFlattenedGradients().assign(gradient);

            stack.regularize(iteration, 0);
            adam.apply(iteration, 0);
            theirs.getUpdater(true).update(theirs, new DefaultGradient(theirs.getFlattenedGradients()), iteration, 0, 8,
                    LayerWorkspaceMgr.noWorkspaces());
            theirs.params().subi(theirs.getFlattenedGradients().reshape(theirs.params().shape()));
        }
        assertThat(NetworkFixtures.largestDifference(Matrices.toFloatArray(ours.params()),
                Matrices.toFloatArray(theirs.params()))).as("parameters").isLessThan(1e-6f);
        assertThat(NetworkFixtures.largestDifference(Matrices.toFloatArray(ours.getUpdater().getStateViewArray()),
                Matrices.toFloatArray(theirs.getUpdater().getStateViewArray()))).as("Adam's moments").isLessThan(1e-6f);
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
        INDArray scaled = NetworkFixtures.uniformRows(20, 6, 3).muli(255);
        oneLine(() -> Autoencoder.dense32().fit(scaled), BadInputException.class)
                .startsWith("training data contain").contains("binary cross-entropy needs values in [0, 1]");
    }
}
