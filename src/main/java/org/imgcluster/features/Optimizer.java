package org.imgcluster.features;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.EnumNames;
import org.imgcluster.data.Require;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an autoencoder's weights are updated from their gradient: Adam (Keras' and the notebooks' default), or SGD with
 * Nesterov momentum (DL4J's {@code Nesterovs}), close to the SGD with momentum that DEC-Keras pre-trains MNIST's
 * autoencoder with (learning rate 1, momentum 0.9).
 *
 * @param momentum only for {@code nesterovs}, in [0, 1)
 */
public record Optimizer(Kind kind, double learningRate, double momentum) {

    /** The update rule. */
    public enum Kind {
        ADAM, NESTEROVS;

        /** "adam" or "nesterovs", as configs write it. */
        public String lowerName() {
            return EnumNames.of(this);
        }

        /** Reads "adam" or "nesterovs" (any case). */
        public static Kind parse(String text) {
            return EnumNames.parse(Kind.class, "optimizer", text);
        }
    }

    public Optimizer {
        if (kind == null) {
            throw new BadInputException("optimizer must be one of " + EnumNames.allowed(Kind.class));
        }
        Require.positive("learning_rate", learningRate);
        if (kind == Kind.NESTEROVS ? !(momentum >= 0 && momentum < 1) : momentum != 0) {
            throw new BadInputException("momentum = " + momentum + (kind == Kind.NESTEROVS
                    ? " must lie in [0, 1)" : " applies only to optimizer nesterovs"));
        }
    }

    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, learningRate, 0);
    }

    public static Optimizer nesterovs(double learningRate, double momentum) {
        return new Optimizer(Kind.NESTEROVS, learningRate, momentum);
    }

    /** DL4J's updater of this rule, which the network is configured with (and its state laid out for). */
    IUpdater updater() {
        return kind == Kind.ADAM ? new Adam(learningRate) : new Nesterovs(learningRate, momentum);
    }

    /** Adds optimizer, learning_rate and (for nesterovs) momentum to a model card's config. */
    void write(ObjectNode config) {
        config.put("optimizer", kind.lowerName()).put("learning_rate", learningRate);
        if (kind == Kind.NESTEROVS) {
            config.put("momentum", momentum);
        }
    }

    /** Reads what {@link #write} wrote. */
    static Optimizer read(ModelCard card) {
        Kind kind = Kind.parse(card.textAt("/config/optimizer"));
        return new Optimizer(kind, card.doubleAt("/config/learning_rate"),
                kind == Kind.NESTEROVS ? card.doubleAt("/config/momentum") : 0);
    }
}
