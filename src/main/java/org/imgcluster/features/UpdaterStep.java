package org.imgcluster.features;

import java.nio.FloatBuffer;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.imgcluster.linalg.RowChunks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The network's update step, as DL4J's updater takes it, in one pass over the network's flat parameter, gradient and
 * updater-state arrays. Adam (libnd4j's {@code adam_updater}): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * θ ← θ − α·m/(√v + ε) with α = lr·√(1−β2ᵗ)/(1−β1ᵗ), t = iteration + 1. Nesterovs: v ← μ·v − lr·g,
 * θ ← θ − μ·v_before + (1+μ)·v. The state stays in DL4J's layout (Adam: m, then v), so {@code ModelSerializer} saves
 * it and DL4J can train on from it. Measured on the dense32 network (51k parameters): DL4J's updater took 1.45 ms a
 * step, more than the forward and backward passes together.
 */
final class UpdaterStep {
    private final GradientUpdater<?> rule;
    private final FloatBuffer parameters;
    private final FloatBuffer gradient;
    private final FloatBuffer state;
    private final int size;

    UpdaterStep(MultiLayerNetwork network) {
        List<UpdaterBlock> blocks = ((BaseMultiLayerUpdater<?>) network.getUpdater(true)).getUpdaterBlocks();
        size = (int) network.numParams();
        INDArray stateView = network.getUpdater().getStateViewArray();
        rule = blocks.size() == 1 ? blocks.get(0).getGradientUpdater() : null;
        long stateSize = rule instanceof AdamUpdater ? 2L * size : size;
        if (!(rule instanceof AdamUpdater || rule instanceof NesterovsUpdater)
                || blocks.get(0).getParamOffsetEnd() != size || stateView.length() != stateSize || stateView.isView()) {
            throw new IllegalStateException("expected one Adam or Nesterovs updater for all " + size
                    + " parameters, got " + blocks);
        }
        parameters = network.params().data().asNioFloat();
        gradient = network.getFlattenedGradients().data().asNioFloat();
        state = stateView.data().asNioFloat();
    }

    /** Updates the parameters from the gradient (regularization already added) and the updater's state. */
    void apply(int iteration, int epoch) {
        if (rule instanceof AdamUpdater adam) {
            adam(adam.getConfig(), iteration, epoch);
        } else {
            nesterovs(((NesterovsUpdater) rule).getConfig(), iteration, epoch);
        }
    }

    private void adam(Adam config, int iteration, int epoch) {
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        double t = iteration + 1.0;
        float alpha = (float) (config.getLearningRate(iteration, epoch) * Math.sqrt(1 - Math.pow(beta2, t))
                / (1 - Math.pow(beta1, t)));
        // Each value is updated on its own, so splitting the range between threads changes nothing in the result.
        RowChunks.forEach(size, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = gradient.get(i);
                float m = beta1 * state.get(i) + g * (1 - beta1);
                float v = beta2 * state.get(size + i) + g * g * (1 - beta2);
                state.put(i, m);
                state.put(size + i, v);
                parameters.put(i, parameters.get(i) - m * alpha / ((float) Math.sqrt(v) + epsilon));
            }
        });
    }

    private void nesterovs(Nesterovs config, int iteration, int epoch) {
        float mu = (float) config.currentMomentum(iteration, epoch);
        float rate = (float) config.getLearningRate(iteration, epoch);
        RowChunks.forEach(size, (from, to) -> {
            for (int i = from; i < to; i++) {
                float before = state.get(i);
                float v = mu * before - rate * gradient.get(i);
                state.put(i, v);
                parameters.put(i, parameters.get(i) - (mu * before - (1 + mu) * v));
            }
        });
    }
}
