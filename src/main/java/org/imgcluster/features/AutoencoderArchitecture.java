package org.imgcluster.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.nd4j.linalg.activations.Activation;

/**
 * The layer plans of {@link Autoencoder}: an encoder from the input to the code, its mirror back to the input.
 * Written in configs as {@code dense32} or {@code dec}.
 */
public enum AutoencoderArchitecture {
    /**
     * The Fashion-MNIST report's: d → 32 (SELU; the code) → d (sigmoid), binary cross-entropy; batch 2,056, L2 0.01 on
     * the code layer's output (Keras' {@code activity_regularizer}). The report does not say where its L2 sits; read
     * as on the activations, a PyTorch model of it reproduces the report's AE + k-means NMI, read as on the weights
     * (Keras' {@code kernel_regularizer}, the {@code l2} setting) both give about 0.52 against its 0.5323.
     */
    DENSE32("dense32", new int[] {32}, Activation.SELU, Activation.SELU, ReconstructionLoss.BINARY_CROSSENTROPY,
            2056, 0.0, 0.01),
    /**
     * DEC's and N2D's: d → 500 → 500 → 2000 (ReLU) → 10 (linear; the code) → 2000 → 500 → 500 (ReLU) → d (linear),
     * mean squared error, batch 256, as N2D's Keras code builds it.
     */
    DEC("dec", new int[] {500, 500, 2000, 10}, Activation.RELU, Activation.IDENTITY,
            ReconstructionLoss.MEAN_SQUARED_ERROR, 256, 0.0, 0.0);

    private final String key;
    private final int[] encoder;
    private final Activation hidden;
    private final Activation code;
    private final ReconstructionLoss loss;
    private final int defaultBatchSize;
    private final double defaultL2;
    private final double defaultActivityL2;

    AutoencoderArchitecture(String key, int[] encoder, Activation hidden, Activation code, ReconstructionLoss loss,
                            int defaultBatchSize, double defaultL2, double defaultActivityL2) {
        this.key = key;
        this.encoder = encoder;
        this.hidden = hidden;
        this.code = code;
        this.loss = loss;
        this.defaultBatchSize = defaultBatchSize;
        this.defaultL2 = defaultL2;
        this.defaultActivityL2 = defaultActivityL2;
    }

    /** Its name in configs: {@code dense32} or {@code dec}. */
    public String key() {
        return key;
    }

    /** Reads {@code dense32} or {@code dec} (any case, blanks around ignored). */
    public static AutoencoderArchitecture parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new BadInputException("autoencoder architecture '" + text + "' is not one of "
                        + Arrays.stream(values()).map(a -> a.key).collect(Collectors.joining(", "))));
    }

    /** The width of the code: the number of features the encoder gives per row. */
    public int codeWidth() {
        return encoder[encoder.length - 1];
    }

    public int defaultBatchSize() {
        return defaultBatchSize;
    }

    /** L2 on the code layer's weights. */
    public double defaultL2() {
        return defaultL2;
    }

    /** L2 on the code layer's output. */
    public double defaultActivityL2() {
        return defaultActivityL2;
    }

    /** The index of the code layer among the network's layers. */
    int codeLayer() {
        return encoder.length - 1;
    }

    /** Widths from the input to the reconstruction: d, the encoder's, the encoder's mirrored minus the code, d. */
    int[] widths(int inputs) {
        return IntStream.concat(IntStream.concat(IntStream.of(inputs), IntStream.of(encoder)),
                IntStream.concat(IntStream.range(1, encoder.length).map(k -> encoder[encoder.length - 1 - k]),
                        IntStream.of(inputs))).toArray();
    }

    /** The activation of a layer before the output layer. */
    Activation activation(int layer) {
        return layer == codeLayer() ? code : hidden;
    }

    ReconstructionLoss loss() {
        return loss;
    }

    @Override
    public String toString() {
        return key;
    }
}
