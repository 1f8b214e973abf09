package org.imgcluster.features;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Blas;
import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * How an autoencoder's reconstruction is scored, from the output layer's pre-activations (the logits z, or −z where
 * {@link #logitSign()} says so) in a few whole-array passes. Each loss comes with the output activation it belongs to
 * and the DL4J loss function that names it in the saved network's configuration.
 */
enum ReconstructionLoss {
    /**
     * Sigmoid output, binary cross-entropy per value (Keras' {@code binary_crossentropy}, PyTorch's {@code BCELoss}),
     * computed from u = −z as softplus(z) − y·z = −log σ(u) + y·u, which needs no clipping, and its gradient
     * σ(z) − y = 1 − σ(u) − y. One exponential per value, and Σ log σ(u) as the logarithm of products
     * ({@link LogOfProduct}): ND4J's Log transform per value took a fifth of an autoencoder epoch.
     */
    BINARY_CROSSENTROPY(Activation.SIGMOID, LossFunction.XENT, 1, -1) {
        @Override
        double sum(INDArray u, INDArray target, INDArray scratch) {
            double targetTerm = Blas.dot(target, u);
            Nd4j.exec(new Sigmoid(u, scratch));
            return targetTerm - LogOfProduct.of(scratch);
        }

        @Override
        double sumAndGradient(INDArray u, INDArray target, INDArray gradient) {
            double targetTerm = Blas.dot(target, u);
            Nd4j.exec(new Sigmoid(u, gradient));
            double sum = targetTerm - LogOfProduct.of(gradient);
            Nd4j.exec(new ScalarReverseSubtraction(gradient, gradient, 1.0));
            Blas.axpy(-1, target, gradient);
            return sum;
        }
    },
    /** Linear output, squared error per value (N2D's {@code mse}); its gradient is 2(z − y). */
    MEAN_SQUARED_ERROR(Activation.IDENTITY, LossFunction.MSE, 2, 1) {
        @Override
        double sum(INDArray z, INDArray target, INDArray scratch) {
            return sumAndGradient(z, target, scratch);
        }

        @Override
        double sumAndGradient(INDArray z, INDArray target, INDArray gradient) {
            Blas.copy(z, gradient);
            Blas.axpy(-1, target, gradient);
            return Blas.dot(gradient, gradient);
        }
    };

    private final Activation outputActivation;
    private final LossFunction dl4jLoss;
    private final double gradientFactor;
    private final double logitSign;

    ReconstructionLoss(Activation outputActivation, LossFunction dl4jLoss, double gradientFactor, double logitSign) {
        this.outputActivation = outputActivation;
        this.dl4jLoss = dl4jLoss;
        this.gradientFactor = gradientFactor;
        this.logitSign = logitSign;
    }

    Activation outputActivation() {
        return outputActivation;
    }

    LossFunction dl4jLoss() {
        return dl4jLoss;
    }

    /** The constant the loss's gradient with respect to z is {@link #sumAndGradient}'s result times. */
    double gradientFactor() {
        return gradientFactor;
    }

    /** The sign the logits must carry when handed to this loss: −1 for binary cross-entropy, which works on −z. */
    double logitSign() {
        return logitSign;
    }

    /** Refuses rows the loss cannot score: binary cross-entropy needs targets in [0, 1]. */
    void requireTargets(DenseRows rows, String what) {
        if (this != BINARY_CROSSENTROPY) {
            return;
        }
        float[] values = rows.values();
        for (int k = 0; k < values.length; k++) {
            if (values[k] < 0 || values[k] > 1) {
                throw new BadInputException(what + " contain " + values[k] + " at row " + k / rows.d() + ", column "
                        + k % rows.d() + "; binary cross-entropy needs values in [0, 1], as PixelMatrix scales pixels");
            }
        }
    }

    /** The loss summed over all values of the batch from the signed logits; {@code scratch} is overwritten. */
    abstract double sum(INDArray logits, INDArray target, INDArray scratch);

    /** As {@link #sum}, and ∂(sum)/∂z divided by {@link #gradientFactor()} into {@code gradient}. */
    abstract double sumAndGradient(INDArray logits, INDArray target, INDArray gradient);
}
