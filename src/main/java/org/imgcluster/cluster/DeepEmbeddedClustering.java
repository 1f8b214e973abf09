package org.imgcluster.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.features.AutoencoderModel;
import org.imgcluster.features.AutoencoderTuning;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Matrices;
import org.imgcluster.linalg.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deep embedded clustering: DEC (Xie, Girshick and Farhadi 2016) and IDEC (Guo, Gao, Liu and Yin 2017), on a
 * pretrained {@link AutoencoderModel}. The centres μ start as k-means of the codes z = encoder(x) ({@code nInit}
 * restarts, 20 in both papers); then minibatch steps lower gamma·KL(P‖Q) + reconstructionWeight·L_r, where Q is the
 * soft assignment of the codes to the centres and P the sharpened target ({@link SoftAssignment}, α = 1), recomputed
 * on all points every {@code updateInterval} steps; the encoder's weights and μ both learn. L_r is the autoencoder's
 * pretraining loss: DEC has none (reconstruction weight 0; the decoder is dropped) and IDEC's loss is
 * L_r + γ·L_c (its eq. 3; γ = 0.1), so IDEC keeps training the whole autoencoder. Fine-tuning stops at the first
 * target update where fewer than {@code tol} of the points changed cluster since the last one, or after
 * {@code maxIter} steps. Labels: the argmax of q.
 * <p>
 * Optimizer: Adam at {@code learningRate} for both, the network's through DL4J's updater and μ's through ND4J's
 * {@code AdamUpdater}; IDEC's paper uses Adam (0.001), DEC's used SGD (0.01, momentum 0.9). The passes run in a new
 * seeded order each time they have gone through all points. Memory: the data, the network (3.3M parameters for
 * d-500-500-2000-10, plus Adam's moments), and n·k floats of Q and P.
 */
public record DeepEmbeddedClustering(int k, double gamma, double reconstructionWeight, int updateInterval, double tol,
                                     int maxIter, int batchSize, double learningRate, int nInit, long seed) {
    private static final Logger LOG = LoggerFactory.getLogger(DeepEmbeddedClustering.class);
    /** The Student's t kernel's degrees of freedom: 1 in both papers, which do not vary it. */
    static final double ALPHA = 1;

    public DeepEmbeddedClustering {
        Require.atLeast("k", k, 1);
        Require.positive("gamma", gamma);
        Require.nonNegative("reconstruction_weight", reconstructionWeight);
        Require.atLeast("update_interval", updateInterval, 1);
        if (!(tol >= 0 && tol <= 1)) {
            throw new BadInputException("tol = " + tol + " must lie in [0, 1] (a fraction of the points)");
        }
        Require.atLeast("max_iter", maxIter, 1);
        Require.atLeast("batch_size", batchSize, 1);
        Require.positive("learning_rate", learningRate);
        Require.atLeast("n_init", nInit, 1);
    }

    /**
     * DEC with the paper's MNIST settings (update interval 140, tol 0.001, batch 256, k-means with 20 restarts) and
     * the papers' implementations' 20,000 steps at most; Adam 0.001 in place of SGD; seed 0.
     */
    public static DeepEmbeddedClustering dec(int k) {
        return new DeepEmbeddedClustering(k, 1, 0, 140, 1e-3, 20_000, 256, 1e-3, 20, 0);
    }

    /** IDEC with its paper's settings: DEC's, plus the reconstruction loss with γ = 0.1 on the clustering loss. */
    public static DeepEmbeddedClustering idec(int k) {
        return new DeepEmbeddedClustering(k, 0.1, 1, 140, 1e-3, 20_000, 256, 1e-3, 20, 0);
    }

    public DeepEmbeddedClustering withMaxIter(int n) {
        return new DeepEmbeddedClustering(k, gamma, reconstructionWeight, updateInterval, tol, n, batchSize,
                learningRate, nInit, seed);
    }

    public DeepEmbeddedClustering withUpdateInterval(int n) {
        return new DeepEmbeddedClustering(k, gamma, reconstructionWeight, n, tol, maxIter, batchSize, learningRate,
                nInit, seed);
    }

    public DeepEmbeddedClustering withSeed(long s) {
        return new DeepEmbeddedClustering(k, gamma, reconstructionWeight, updateInterval, tol, maxIter, batchSize,
                learningRate, nInit, s);
    }

    /** {@code dec}, or {@code idec} where the reconstruction loss is trained on too. */
    public String name() {
        return reconstructionWeight > 0 ? "idec" : "dec";
    }

    /**
     * Fine-tunes a copy of {@code pretrained} on the rows of x (n×d, d its input dimension, scaled as for its
     * pretraining) and clusters them; the pretrained model is not changed.
     */
    public DeepClusteringModel fit(AutoencoderModel pretrained, INDArray x) {
        long start = System.nanoTime();
        DenseRows rows = DenseRows.of(x, "training data");
        if (rows.d() != pretrained.inputDimension()) {
            throw new IllegalArgumentException("training data have " + rows.d() + " columns, the autoencoder expects "
                    + pretrained.inputDimension());
        }
        Matrices.requireClusterCount("k", k, rows.n());
        SplittableRandom random = new SplittableRandom(seed);
        try (AutoencoderTuning tuning = AutoencoderTuning.start(name(), pretrained, learningRate, gamma,
                reconstructionWeight, maxIter)) {
            INDArray codes = tuning.codes(rows);
            KMeansModel initial = new KMeans(k, nInit, 300, 1e-4, random.nextLong()).fit(DenseRows.of(codes, "codes"));
            LOG.info("{}: k-means ({} restarts) of the {} codes of {} dimensions: inertia {} after {}", name(), nInit,
                    rows.n(), codes.columns(), String.format(Locale.ROOT, "%.6g", initial.inertia()), since(start));
            return new Run(tuning, rows, initial, random.split(), start).fineTune();
        }
    }

    /** The state of one fine-tuning: the centres and their Adam, the targets, the pass order, the history. */
    private final class Run {
        private final AutoencoderTuning tuning;
        private final DenseRows rows;
        private final INDArray mu;
        private final INDArray muGradient;
        private final GradientUpdater<?> muAdam;
        private final SplittableRandom random;
        private final long start;
        private final int[] initialLabels;
        private final List<DeepClusteringModel.Update> history = new ArrayList<>();
        private int[] labels;
        private DenseRows targets;
        private int[] order = new int[0];
        private int next;
        private double klSum;
        private double reconstructionSum;
        private int steps;

        Run(AutoencoderTuning tuning, DenseRows rows, KMeansModel init, SplittableRandom random, long start) {
            this.tuning = tuning;
            this.rows = rows;
            this.mu = init.centers().orElseThrow().castTo(DataType.FLOAT).dup('c');
            this.muGradient = Nd4j.create(DataType.FLOAT, mu.rows(), mu.columns());
            this.muAdam = new Adam(learningRate).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * mu.length()), true);
            this.initialLabels = init.labels();
            this.labels = initialLabels;
            this.random = random;
            this.start = start;
        }

        DeepClusteringModel fineTune() {
            int iteration = 0;
            boolean converged = false;
            while (iteration < maxIter && !converged) {
                if (iteration % updateInterval == 0) {
                    // DEC never stops at the first update: the labels are k-means' there.
                    converged = update(iteration) < tol && iteration > 0;
                }
                if (!converged) {
                    step(iteration++);
                }
            }
            if (!converged) {
                update(iteration);
            }
            String how = converged ? "converged (fewer than " + tol + " of the labels changed)"
                    : "stopped at max_iter";
            LOG.info("{}: {} after {} steps, {} target updates, in {}", name(), how, iteration, history.size(),
                    since(start));
            return new DeepClusteringModel(name(), labels, initialLabels, mu, tuning.model(), history, iteration,
                    converged);
        }

        /** Q of all points, the new target, the labels; returns the fraction of labels changed since the last. */
        private double update(int iteration) {
            INDArray q = SoftAssignment.q(tuning.codes(rows), mu, ALPHA);
            targets = DenseRows.of(SoftAssignment.target(q), "targets");
            int[] now = SoftAssignment.argMax(q);
            int changed = 0;
            for (int i = 0; i < now.length; i++) {
                changed += now[i] != labels[i] ? 1 : 0;
            }
            labels = now;
            double fraction = (double) changed / now.length;
            DeepClusteringModel.Update u = new DeepClusteringModel.Update(iteration,
                    steps == 0 ? Double.NaN : klSum / steps, steps == 0 ? Double.NaN : reconstructionSum / steps,
                    fraction);
            history.add(u);
            LOG.info("{}: step {}/{}: KL {}, reconstruction {}, labels changed {} %, {}", name(), iteration, maxIter,
                    format(u.kl()), format(u.reconstruction()), String.format(Locale.ROOT, "%.2f", 100 * fraction),
                    since(start));
            klSum = 0;
            reconstructionSum = 0;
            steps = 0;
            return fraction;
        }

        /** One minibatch: the network's step through the tuning, then μ's own Adam step on its gradient. */
        private void step(int iteration) {
            if (next >= order.length) {
                order = RandomRows.distinct(random, rows.n(), rows.n());
                next = 0;
            }
            int to = Math.min(order.length, next + batchSize);
            INDArray p = targets.select(Arrays.copyOfRange(order, next, to)).array();
            AutoencoderTuning.StepLosses losses = tuning.step(rows, order, next, to,
                    (z, dz) -> SoftAssignment.klAndGradients(z, mu, p, ALPHA, dz, muGradient));
            muGradient.muli(gamma);
            muAdam.applyUpdater(muGradient.reshape(1, muGradient.length()), iteration, 0);
            mu.subi(muGradient);
            klSum += losses.code();
            reconstructionSum += losses.reconstruction();
            steps++;
            next = to;
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.5f", value);
    }

    private static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
