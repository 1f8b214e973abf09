package org.imgcluster.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.linalg.Blas;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The dense layers of a {@link MultiLayerNetwork} as views into its flat parameter and gradient arrays, with the
 * forward and backward passes written as direct {@link Blas} calls and in-place ops into arrays allocated once per
 * batch size. Each layer computes z = a·W + b and f(z) with the activation of its DL4J configuration, and its
 * configured L2 terms are applied as DL4J's updater applies them, so the network means the same to DL4J as to
 * this code (a test holds the gradients to DL4J's own).
 * <p>
 * DL4J stores W (nIn×nOut) column-major: its memory is Wᵀ row-major, which the products below use as it lies.
 */
final class DenseStack {
    private record Dense(INDArray w, INDArray b, INDArray dw, INDArray db, IActivation activation,
                         List<Regularization> weightTerms, List<Regularization> biasTerms) {
        int inputs() {
            return (int) w.rows();
        }

        int outputs() {
            return (int) w.columns();
        }
    }

    /** The arrays one batch size needs, allocated once: input, each layer's z and f(z), backward's ∂loss/∂f(z). */
    final class Buffers {
        private final INDArray input;
        private final INDArray[] z;
        private final INDArray[] a;
        private final INDArray[] eps;
        private final INDArray output;
        private final INDArray ones;

        private Buffers(int rows, int layerCount) {
            boolean training = layerCount == layers.length;
            input = Nd4j.create(DataType.FLOAT, rows, inputs());
            z = new INDArray[layerCount];
            a = new INDArray[layerCount];
            eps = new INDArray[layerCount];
            for (int l = 0; l < layerCount; l++) {
                z[l] = Nd4j.create(DataType.FLOAT, rows, layers[l].outputs());
                if (l < layers.length - 1) {
                    a[l] = Nd4j.create(DataType.FLOAT, rows, layers[l].outputs());
                    eps[l] = training ? Nd4j.create(DataType.FLOAT, rows, layers[l].outputs()) : null;
                }
            }
            output = training ? Nd4j.create(DataType.FLOAT, rows, inputs()) : null;
            ones = Nd4j.ones(DataType.FLOAT, rows);
        }

        int rows() {
            return (int) input.rows();
        }

        /** The batch's rows, to fill before a forward pass. */
        INDArray input() {
            return input;
        }

        /** Scratch of the reconstruction's shape, for the loss and its gradient. */
        INDArray output() {
            return output;
        }

        /** f(z) of hidden layer {@code layer} as the last forward pass left it. */
        INDArray hidden(int layer) {
            return a[layer];
        }
    }

    private final Dense[] layers;

    private DenseStack(Dense[] layers) {
        this.layers = layers;
    }

    static DenseStack of(MultiLayerNetwork network) {
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        Dense[] layers = new Dense[network.getnLayers()];
        for (int l = 0; l < layers.length; l++) {
            Layer layer = network.getLayer(l);
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            Map<String, INDArray> gradients = conf.initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            layers[l] = new Dense(layer.getParam("W"), layer.getParam("b"), gradients.get("W"), gradients.get("b"),
                    conf.getActivationFn(), conf.getRegularizationByParam("W"), conf.getRegularizationByParam("b"));
        }
        return new DenseStack(layers);
    }

    int inputs() {
        return layers[0].inputs();
    }

    int size() {
        return layers.length;
    }

    int outputs(int layer) {
        return layers[layer].outputs();
    }

    /** Arrays for batches of {@code rows} through layers 0..layerCount-1 (all of them to train). */
    Buffers buffers(int rows, int layerCount) {
        return new Buffers(rows, layerCount);
    }

    /** The activations of hidden layer {@code last} for the rows in {@code buffers.input()}. */
    INDArray hidden(Buffers buffers, int last) {
        if (last >= layers.length - 1) {
            throw new IllegalArgumentException("layer " + last + " is not a hidden layer");
        }
        return run(buffers, last, 1);
    }

    /**
     * The whole forward pass on {@code buffers.input()}: returns the output layer's pre-activations z times
     * {@code sign} (a loss may want −z: the products then give it at no extra cost).
     */
    INDArray logits(Buffers buffers, double sign) {
        return run(buffers, layers.length - 1, sign);
    }

    /** Layers 0..last: z of each into the buffers (the output layer's times sign), f(z) of each hidden layer. */
    private INDArray run(Buffers buffers, int last, double sign) {
        int rows = buffers.rows();
        INDArray in = buffers.input;
        for (int l = 0; l <= last; l++) {
            Dense layer = layers[l];
            INDArray z = buffers.z[l];
            double alpha = l == layers.length - 1 ? sign : 1;
            Blas.gemm(false, true, rows, layer.outputs(), layer.inputs(), alpha, in, layer.inputs(), layer.w,
                    layer.inputs(), 0, z, layer.outputs());
            Blas.addOuter(rows, layer.outputs(), alpha, buffers.ones, layer.b, z);
            if (l == layers.length - 1) {
                return z;
            }
            // DL4J's activations work in place; z stays for the backward pass.
            Blas.copy(z, buffers.a[l]);
            layer.activation.getActivation(buffers.a[l], true);
            in = buffers.a[l];
        }
        return in;
    }

    /**
     * Back-propagates ∂loss/∂z of the output layer (the gradients written are {@code scale} times what it implies)
     * through all layers into the network's gradient views. Needs the buffers of a {@link #logits} pass; overwrites
     * their z.
     */
    void backward(Buffers buffers, INDArray outputDelta, double scale) {
        propagate(buffers, layers.length - 1, outputDelta, scale, -1, null, 0);
    }

    /**
     * As {@link #backward(Buffers, INDArray, double)}, with {@code weight} times a second loss's gradient with respect
     * to hidden layer {@code layer}'s f(z) joining the pass where it reaches that layer: the gradient of
     * scale·(output loss) + weight·(loss of the hidden layer), as IDEC's reconstruction and clustering losses.
     */
    void backward(Buffers buffers, INDArray outputDelta, double scale, int layer, INDArray hiddenGradient,
                  double weight) {
        propagate(buffers, layers.length - 1, outputDelta, scale, layer, hiddenGradient, weight / scale);
    }

    /**
     * Back-propagates {@code weight} times ∂loss/∂f(z) of hidden layer {@code layer} through layers layer..0 only,
     * into their gradient views (the later layers' are left as they are): a loss of the code trains the encoder
     * alone, as DEC's. Needs the buffers of a {@link #hidden} pass to that layer with all layers' buffers.
     */
    void backwardFrom(Buffers buffers, int layer, INDArray hiddenGradient, double weight) {
        Blas.copy(hiddenGradient, buffers.eps[layer]);
        INDArray delta = layers[layer].activation.backprop(buffers.z[layer], buffers.eps[layer]).getFirst();
        propagate(buffers, layer, delta, weight, -1, null, 0);
    }

    /**
     * Layers top..0: each one's gradients from the delta (∂loss/∂z) reaching it, times scale; {@code factor} times
     * {@code joined} is added to ∂loss/∂f(z) of layer {@code join} (-1: none).
     */
    private void propagate(Buffers buffers, int top, INDArray topDelta, double scale, int join, INDArray joined,
                           double factor) {
        int rows = buffers.rows();
        INDArray delta = topDelta;
        for (int l = top; l >= 0; l--) {
            Dense layer = layers[l];
            int in = layer.inputs();
            int out = layer.outputs();
            Blas.gemm(true, false, out, in, rows, scale, delta, out, l == 0 ? buffers.input : buffers.a[l - 1], in,
                    0, layer.dw, in);
            // Column sums as a product, not a gemv: OpenBLAS's level-1/2 kernels sum in an order that depends on the
            // arrays' memory alignment, which would make a resumed training differ in the last bits.
            Blas.gemm(false, false, 1, out, rows, scale, buffers.ones, rows, delta, out, 0, layer.db, out);
            if (l > 0) {
                // The input's own gradient (l = 0) is never needed, which saves the largest product of the pass.
                Blas.gemm(false, false, rows, in, out, 1, delta, out, layer.w, in, 0, buffers.eps[l - 1], in);
                if (l - 1 == join) {
                    Blas.axpy(factor, joined, buffers.eps[l - 1]);
                }
                delta = layers[l - 1].activation.backprop(buffers.z[l - 1], buffers.eps[l - 1]).getFirst();
            }
        }
    }

    /**
     * Adds each parameter's L2 term to its gradient, as DL4J's updater does before its step: with DL4J's
     * {@code l2(c)} the loss gains c/2·Σθ², so the gradient gains c·θ.
     */
    void regularize(int iteration, int epoch) {
        regularize(iteration, epoch, layers.length);
    }

    /** {@link #regularize(int, int)} on layers 0..layerCount-1 alone: those a {@link #backwardFrom} pass trained. */
    void regularize(int iteration, int epoch, int layerCount) {
        for (int l = 0; l < layerCount; l++) {
            Dense layer = layers[l];
            addL2Gradient(l2(layer.weightTerms, iteration, epoch), layer.w, layer.dw);
            addL2Gradient(l2(layer.biasTerms, iteration, epoch), layer.b, layer.db);
        }
    }

    private static void addL2Gradient(double c, INDArray parameter, INDArray gradient) {
        if (c != 0) {
            Blas.axpy(c, parameter, gradient);
        }
    }

    /** The L2 terms' share of the loss, c/2·Σθ² over every parameter that has one (DL4J's regularization score). */
    double penalty(int iteration, int epoch) {
        double sum = 0;
        for (Dense layer : layers) {
            sum += l2Penalty(l2(layer.weightTerms, iteration, epoch), layer.w);
            sum += l2Penalty(l2(layer.biasTerms, iteration, epoch), layer.b);
        }
        return sum;
    }

    private static double l2Penalty(double c, INDArray parameter) {
        return c == 0 ? 0 : c / 2 * Blas.dot(parameter, parameter);
    }

    /** The summed L2 coefficient of a parameter's terms; other kinds of terms are not part of these networks. */
    private static double l2(List<Regularization> terms, int iteration, int epoch) {
        double c = 0;
        for (Regularization term : terms) {
            if (!(term instanceof L2Regularization l2)) {
                throw new IllegalStateException(term + " is not supported; the autoencoder networks use L2 only");
            }
            c += l2.getL2().valueAt(iteration, epoch);
        }
        return c;
    }

    /** The activations of layer {@code layer} for every row of x, computed in batches of {@code batchRows}. */
    INDArray activations(INDArray x, int layer, int batchRows) {
        int n = (int) x.rows();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, outputs(layer));
        Map<Integer, Buffers> byRows = new HashMap<>();
        for (int from = 0; from < n; from += batchRows) {
            int to = Math.min(n, from + batchRows);
            Buffers buffers = byRows.computeIfAbsent(to - from, rows -> buffers(rows, layer + 1));
            buffers.input.assign(Distances.rows(x, from, to));
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(hidden(buffers, layer));
        }
        return out;
    }
}
