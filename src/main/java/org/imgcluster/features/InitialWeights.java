package org.imgcluster.features;

import org.deeplearning4j.nn.weights.WeightInit;
import org.imgcluster.data.EnumNames;

/** How an autoencoder's weights are drawn before training (biases start at 0 either way), as Keras names them. */
public enum InitialWeights {
    /** U(±√(6 / (fan_in + fan_out))): Keras' default {@code glorot_uniform}. */
    GLOROT_UNIFORM(WeightInit.XAVIER_UNIFORM),
    /**
     * U(±1/√fan_in): Keras' {@code VarianceScaling(1/3, 'fan_in', 'uniform')}, which DEC-Keras pre-trains MNIST's
     * autoencoder from; DL4J's {@code UNIFORM}.
     */
    FAN_IN_UNIFORM(WeightInit.UNIFORM);

    private final WeightInit dl4j;

    InitialWeights(WeightInit dl4j) {
        this.dl4j = dl4j;
    }

    WeightInit dl4j() {
        return dl4j;
    }

    /** Keras' name, e.g. {@code glorot_uniform}. */
    @Override
    public String toString() {
        return EnumNames.of(this);
    }

    /** Reads {@code glorot_uniform} or {@code fan_in_uniform} (any case). */
    public static InitialWeights parse(String text) {
        return EnumNames.parse(InitialWeights.class, "weight_init", text);
    }
}
