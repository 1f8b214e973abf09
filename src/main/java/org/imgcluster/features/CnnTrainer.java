package org.imgcluster.features;

import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a CNN classifier with DL4J's own {@code MultiLayerNetwork.fit}, one minibatch at a time from arrays
 * allocated once per batch size (rows, the same images channels-first, one-hot labels), and measures it on labelled
 * images. Convolutions dominate a step here, so DL4J's per-step overhead, which the autoencoder had to avoid, is small.
 */
final class CnnTrainer {
    /** Images per forward pass when measuring. */
    private static final int EVALUATION_ROWS = 500;

    /** Loss (mean cross-entropy) and accuracy on labelled images. */
    record Evaluation(double loss, double accuracy) {
    }

    private record Batch(INDArray rows, INDArray images, INDArray labels) {
    }

    private final MultiLayerNetwork network;
    private final ImageShape shape;
    private final int classes;
    private final Map<Integer, Batch> batches = new HashMap<>();

    CnnTrainer(MultiLayerNetwork network, ImageShape shape, int classes) {
        this.network = network;
        this.shape = shape;
        this.classes = classes;
    }

    /** One pass over rows order[0..] in minibatches; returns the mean of the minibatch losses, weighted by size. */
    double epoch(DenseRows rows, int[] labels, int[] order, int batchSize, Runnable stepDone) {
        double total = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            Batch batch = batches.computeIfAbsent(to - from, this::batch);
            BatchRows.copy(rows, order, from, to, batch.rows);
            ChannelsFirst.copy(batch.rows, shape, batch.images);
            BatchRows.oneHot(labels, order, from, to, batch.labels);
            network.fit(batch.images, batch.labels);
            total += network.score() * (to - from);
            stepDone.run();
        }
        network.incrementEpochCount();
        return total / order.length;
    }

    /** The mean cross-entropy and the accuracy of the network on channels-first images with their labels. */
    Evaluation evaluate(INDArray images, int[] labels) {
        int n = (int) images.size(0);
        double loss = 0;
        int correct = 0;
        for (int from = 0; from < n; from += EVALUATION_ROWS) {
            int to = Math.min(n, from + EVALUATION_ROWS);
            INDArray chunk = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all());
            float[] p = NdArrays.values(network.output(chunk, false));
            for (int i = from; i < to; i++) {
                int row = (i - from) * classes;
                int predicted = 0;
                for (int c = 1; c < classes; c++) {
                    predicted = p[row + c] > p[row + predicted] ? c : predicted;
                }
                correct += predicted == labels[i] ? 1 : 0;
                // Keras clips probabilities to [1e-7, 1 − 1e-7] before the logarithm; so does this.
                loss -= Math.log(Math.min(Math.max(p[row + labels[i]], 1e-7), 1 - 1e-7));
            }
        }
        return new Evaluation(loss / n, (double) correct / n);
    }

    private Batch batch(int rows) {
        return new Batch(Nd4j.create(DataType.FLOAT, rows, shape.length()),
                Nd4j.create(DataType.FLOAT, rows, shape.channels(), shape.height(), shape.width()),
                Nd4j.create(DataType.FLOAT, rows, classes));
    }
}
