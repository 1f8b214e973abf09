package org.imgcluster.features;

import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains an autoencoder network by minibatch gradient descent with its own step: each minibatch is copied from the
 * training rows into one array allocated once per batch size (no DataSet objects), the forward and backward passes
 * are {@link DenseStack}'s, the regularization terms are DL4J's own, and {@link UpdaterStep} takes DL4J's step on
 * the network's arrays. Why not {@code MultiLayerNetwork.fit}: see {@link Autoencoder}.
 */
final class DenseTrainer {
    private final MultiLayerNetwork network;
    private final DenseStack stack;
    private final ReconstructionLoss loss;
    private final UpdaterStep updater;
    private final ActivityL2 activity;
    private final Map<Integer, DenseStack.Buffers> buffers = new HashMap<>();

    DenseTrainer(MultiLayerNetwork network, ReconstructionLoss loss, ActivityL2 activity) {
        this.network = network;
        this.stack = DenseStack.of(network);
        this.loss = loss;
        this.updater = new UpdaterStep(network);
        this.activity = activity;
    }

    /**
     * One pass over the rows in the given order, in minibatches of {@code batchSize} (the last one smaller); returns
     * the mean loss per value with the L2 penalties added, as Keras reports it.
     */
    double epoch(DenseRows rows, int[] order, int batchSize, Runnable stepDone) {
        double total = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            DenseStack.Buffers batch = buffers(to - from);
            BatchRows.copy(rows, order, from, to, batch.input());
            total += step(batch);
            stepDone.run();
        }
        network.setEpochCount(network.getEpochCount() + 1);
        return total / ((double) order.length * stack.inputs());
    }

    /**
     * The mean loss per value of the rows of x, L2 penalties included (the activity penalty per row, as over one batch
     * of all rows); forward passes in batches of batchSize.
     */
    double meanLoss(INDArray x, int batchSize) {
        int n = (int) x.rows();
        double sum = 0;
        double activitySum = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            DenseStack.Buffers batch = buffers(to - from);
            batch.input().assign(Distances.rows(x, from, to));
            sum += loss.sum(stack.logits(batch, loss.logitSign()), batch.input(), batch.output());
            activitySum += activity.active() ? activity.penalty(batch) * batch.rows() : 0;
        }
        int iteration = network.getIterationCount();
        return sum / ((double) n * stack.inputs()) + stack.penalty(iteration, network.getEpochCount())
                + activitySum / n;
    }

    /** One update on the rows in {@code batch.input()}; returns their summed loss plus their share of the penalties. */
    private double step(DenseStack.Buffers batch) {
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        INDArray logits = stack.logits(batch, loss.logitSign());
        double lossSum = loss.sumAndGradient(logits, batch.input(), batch.output());
        long values = (long) batch.rows() * stack.inputs();
        double penalty = stack.penalty(iteration, epoch);
        if (activity.active()) {
            penalty += activity.penalty(batch);
            stack.backward(batch, batch.output(), loss.gradientFactor() / values, activity.layer(),
                    batch.hidden(activity.layer()), activity.gradientWeight(batch.rows()));
        } else {
            stack.backward(batch, batch.output(), loss.gradientFactor() / values);
        }
        stack.regularize(iteration, epoch);
        updater.apply(iteration, epoch);
        network.setIterationCount(iteration + 1);
        return lossSum + penalty * values;
    }

    private DenseStack.Buffers buffers(int rows) {
        return buffers.computeIfAbsent(rows, r -> stack.buffers(r, stack.size()));
    }
}
