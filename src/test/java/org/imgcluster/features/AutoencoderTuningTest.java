package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training on a loss of the codes: the gradient a code loss gives the encoder, alone or joined to the reconstruction
 * loss's, is the one DL4J's own layers back-propagate, and without the reconstruction loss the decoder stays as it was.
 */
class AutoencoderTuningTest {
    private static final int N = 8;
    private static final int D = 12;

    @ParameterizedTest
    @EnumSource(AutoencoderArchitecture.class)
    void aCodeGradientReachesTheEncoderAsDl4jBackPropagatesIt(AutoencoderArchitecture architecture) {
        INDArray x = NetworkFixtures.uniformRows(N, D, 5);
        int code = architecture.codeLayer();
        INDArray codeGradient = NetworkFixtures.uniformRows(N, architecture.codeWidth(), 6).subi(0.5);
        MultiLayerNetwork ours = Autoencoder.of(architecture).network(D);
        DenseStack stack = DenseStack.of(ours);
        DenseStack.Buffers buffers = stack.buffers(N, stack.size());
        buffers.input().assign(x);
        stack.hidden(buffers, code);
        stack.backwardFrom(buffers, code, codeGradient, 0.7);

        MultiLayerNetwork theirs = Autoencoder.of(architecture).network(D);
        theirs.initGradientsView();
        dl4jBackprop(theirs, x, code, codeGradient.mul(0.7));
        float[] expected = Matrices.toFloatArray(theirs.getFlattenedGradients());
        Arrays.fill(expected, encoderSize(theirs, code), expected.length, 0f);
        assertGradientsClose(Matrices.toFloatArray(ours.getFlattenedGradients()), expected);
    }

    @ParameterizedTest
    @EnumSource(AutoencoderArchitecture.class)
    void aCodeGradientJoinsTheReconstructionsAsDl4jBackPropagatesBoth(AutoencoderArchitecture architecture) {
        INDArray x = NetworkFixtures.uniformRows(N, D, 7);
        int code = architecture.codeLayer();
        INDArray codeGradient = NetworkFixtures.uniformRows(N, architecture.codeWidth(), 8).subi(0.5);
        ReconstructionLoss loss = architecture.loss();
        double perRow = loss == ReconstructionLoss.MEAN_SQUARED_ERROR ? 1.0 / D : 1.0;
        MultiLayerNetwork ours = Autoencoder.of(architecture).network(D);
        DenseStack stack = DenseStack.of(ours);
        DenseStack.Buffers buffers = stack.buffers(N, stack.size());
        buffers.input().assign(x);
        loss.sumAndGradient(stack.logits(buffers, loss.logitSign()), buffers.input(), buffers.output());
        stack.backward(buffers, buffers.output(), loss.gradientFactor() * perRow, code, codeGradient, 0.3);

        // DL4J's reconstruction gradient (as AutoencoderTest compares it), plus its back-propagation of the code's.
        MultiLayerNetwork theirs = Autoencoder.of(architecture).network(D);
        theirs.setInput(x);
        theirs.setLabels(x);
        theirs.computeGradientAndScore();
        float[] expected = Matrices.toFloatArray(theirs.gradient().gradient());
        theirs.getFlattenedGradients().assign(0);
        dl4jBackprop(theirs, x, code, codeGradient.mul(0.3));
        float[] codePart = Matrices.toFloatArray(theirs.getFlattenedGradients());
        for (int i = 0; i < expected.length; i++) {
            expected[i] += codePart[i];
        }
        assertGradientsClose(Matrices.toFloatArray(ours.getFlattenedGradients()), expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1})
    void withoutTheReconstructionLossOnlyTheEncoderLearns(double reconstructionWeight) {
        INDArray x = NetworkFixtures.uniformRows(40, D, 9);
        AutoencoderModel pretrained = Autoencoder.of(AutoencoderArchitecture.DEC).withEpochs(1).withBatchSize(20)
                .fit(x);
        float[] before = Matrices.toFloatArray(pretrained.network().params());
        AutoencoderModel tuned;
        try (AutoencoderTuning tuning = AutoencoderTuning.start("test", pretrained, 1e-3, 1, reconstructionWeight, 3)) {
            DenseRows rows = DenseRows.of(x, "rows");
            int[] order = IntStream.range(0, 40).toArray();
            for (int step = 0; step < 3; step++) {
                // The loss ½‖z‖²: its gradient is the codes themselves.
                AutoencoderTuning.StepLosses losses = tuning.step(rows, order, 10 * step, 10 * step + 10,
                        (z, dz) -> {
                            dz.assign(z);
                            return z.norm2Number().doubleValue();
                        });
                assertThat(Double.isNaN(losses.reconstruction())).isEqualTo(reconstructionWeight == 0);
            }
            tuned = tuning.model();
        }
        float[] after = Matrices.toFloatArray(tuned.network().params());
        int encoder = encoderSize(pretrained.network(), AutoencoderArchitecture.DEC.codeLayer());
        assertThat(Arrays.equals(after, 0, encoder, before, 0, encoder)).as("encoder unchanged").isFalse();
        assertThat(Arrays.equals(after, encoder, after.length, before, encoder, before.length))
                .as("decoder unchanged").isEqualTo(reconstructionWeight == 0);
        assertThat(Matrices.toFloatArray(pretrained.network().params())).as("the pretrained model").isEqualTo(before);
    }

    /** DL4J's forward pass to layer {@code code} and its layers' backward passes from there, into the gradients. */
    private static void dl4jBackprop(MultiLayerNetwork network, INDArray x, int code, INDArray gradient) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        INDArray a = x;
        for (int l = 0; l <= code; l++) {
            a = network.getLayer(l).activate(a, true, none);
        }
        INDArray epsilon = gradient;
        for (int l = code; l >= 0; l--) {
            epsilon = network.getLayer(l).backpropGradient(epsilon, none).getSecond();
        }
    }

    /** Parameters of layers 0..code, which come first in the flat arrays. */
    private static int encoderSize(MultiLayerNetwork network, int code) {
        return IntStream.rangeClosed(0, code).map(l -> (int) network.getLayer(l).numParams()).sum();
    }

    private static void assertGradientsClose(float[] ours, float[] theirs) {
        float largest = NetworkFixtures.largestDifference(theirs, new float[theirs.length]);
        assertThat(largest).as("a gradient to compare").isGreaterThan(0f);
        assertThat(NetworkFixtures.largestDifference(ours, theirs)).as("largest difference to DL4J's gradient")
                .isLessThanOrEqualTo(largest * 1e-4f);
    }
}
