package org.imgcluster.features;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * t-SNE as scikit-learn 1.2's {@code TSNE(method="exact", init="pca", learning_rate="auto")}: joint probabilities
 * calibrated to the perplexity ({@link TsneAffinities}), PCA start scaled so the first column has standard deviation
 * 1e-4, then 250 iterations with P exaggerated ×12 and momentum 0.5 and the rest with momentum 0.8
 * ({@link TsneDescent}). The learning rate "auto" is max(n / 12 / 4, 50).
 * <p>
 * Smile 3.1.1's {@code smile.manifold.TSNE} is the same exact O(n²) method (not Barnes–Hut), but its perplexity
 * search adds the entropy's two terms in different log bases (log₂ Σp + β⟨d²⟩), so its kernels are several times wider
 * than asked (perplexity ≈ 100–190 for 30 on MNIST digits), and on 2,000 MNIST test digits its map collapsed to a
 * point (KL 3.9, where scikit-learn reaches 1.10). So the method is ours.
 * <p>
 * Memory: the n×n floats of P (0.4 GB at n = 10,000), so at most {@code subsample} rows are embedded (stratified by
 * label when labels are given) and a size that will not fit is refused. Time: O(n²) per iteration on all cores, 5.3 min
 * for 10,000 MNIST digits (PCA-50) on 2 cores, where scikit-learn's default Barnes–Hut method takes 29 s (for
 * 10,000 Fashion-MNIST images). The result depends on the seed only through the subsample.
 */
public record Tsne(int nComponents, double perplexity, OptionalDouble learningRate, int maxIter, int subsample,
        long seed) implements EmbeddingMethod {
    public static final int DEFAULT_SUBSAMPLE = 10_000;
    static final String METHOD = "t-SNE";

    private static final Logger LOG = LoggerFactory.getLogger(Tsne.class);
    private static final double EARLY_EXAGGERATION = 12;
    private static final int EXPLORATION_ITERATIONS = 250;
    private static final int PATIENCE = 300;

    public Tsne {
        Require.atLeast("n_components", nComponents, 1);
        Require.positive("perplexity", perplexity);
        learningRate.ifPresent(rate -> Require.positive("learning_rate", rate));
        if (maxIter < 250) {
            throw new BadInputException("max_iter = " + maxIter + " must be ≥ 250 (the early exaggeration phase)");
        }
        Require.atLeast("subsample", subsample, 2);
    }

    /** scikit-learn's defaults: perplexity 30, learning rate auto, 1,000 iterations; at most 10,000 rows; seed 0. */
    public static Tsne of(int nComponents) {
        return new Tsne(nComponents, 30, OptionalDouble.empty(), 1000, DEFAULT_SUBSAMPLE, 0);
    }

    public Tsne withPerplexity(double p) {
        return new Tsne(nComponents, p, learningRate, maxIter, subsample, seed);
    }

    public Tsne withLearningRate(double rate) {
        return new Tsne(nComponents, perplexity, OptionalDouble.of(rate), maxIter, subsample, seed);
    }

    public Tsne withMaxIter(int n) {
        return new Tsne(nComponents, perplexity, learningRate, n, subsample, seed);
    }

    public Tsne withSubsample(int n) {
        return new Tsne(nComponents, perplexity, learningRate, maxIter, n, seed);
    }

    public Tsne withSeed(long s) {
        return new Tsne(nComponents, perplexity, learningRate, maxIter, subsample, s);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "tsne(n_components=%d, perplexity=%s, learning_rate=%s, max_iter=%d, "
                + "subsample=%d, seed=%d)", nComponents, perplexity,
                learningRate.isPresent() ? Double.toString(learningRate.getAsDouble()) : "auto", maxIter, subsample,
                seed);
    }

    @Override
    public Embedding fit(INDArray data, int[] labels) {
        DenseRows all = DenseRows.of(data, "training data");
        int[] rows = SubsampleRows.choose(all.n(), labels, subsample, seed);
        DenseRows x = rows.length == all.n() ? all : all.select(rows);
        int n = x.n();
        if (perplexity >= n || nComponents >= n) {
            throw new BadInputException(String.format(Locale.ROOT, "t-SNE of %d points needs perplexity (%s) and "
                    + "n_components (%d) below the number of points", n, perplexity, nComponents));
        }
        QuadraticHeap.require("t-SNE (its joint probabilities, one float per pair)", Float.BYTES, n,
                QuadraticHeap.available());
        // scikit-learn's "auto": n / early_exaggeration / 4, at least 50.
        double eta = learningRate.orElse(Math.max(n / EARLY_EXAGGERATION / 4, 50));
        LOG.info("t-SNE of {} of {} training rows, perplexity {}, learning rate {}, {} iterations", n, all.n(),
                perplexity, eta, maxIter);
        long start = System.nanoTime();
        double[] y = pcaInit(x);
        TsneDescent descent = new TsneDescent(TsneAffinities.of(x, perplexity), y, nComponents);
        LOG.info("t-SNE: affinities ready after {}", Elapsed.since(start));
        TsneDescent.Stop explored = descent.phase(0, EXPLORATION_ITERATIONS, EARLY_EXAGGERATION, 0.5, eta,
                EXPLORATION_ITERATIONS);
        TsneDescent.Stop done = explored.iteration() + 1 < maxIter
                ? descent.phase(explored.iteration() + 1, maxIter, 1, 0.8, eta, PATIENCE) : explored;
        LOG.info("t-SNE of {} points done in {} after {} iterations, KL divergence {}", n, Elapsed.since(start),
                done.iteration() + 1, done.klDivergence());
        float[] coordinates = new float[y.length];
        for (int t = 0; t < y.length; t++) {
            coordinates[t] = (float) y[t];
        }
        return Embedding.of(name(), METHOD, all, rows, coordinates, nComponents,
                Map.of("kl_divergence", done.klDivergence(), "n_iter", (double) done.iteration() + 1));
    }

    /** scikit-learn's init="pca": the PCA scores, scaled so that the first column's standard deviation is 1e-4. */
    private double[] pcaInit(DenseRows x) {
        float[] scores = NdArrays.values(Pca.of(nComponents).fit(x.array()).transform(x.array()));
        int n = x.n();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double v = scores[i * nComponents];
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double scale = 1e-4 / Math.sqrt(sumSq / n - mean * mean);
        double[] init = new double[scores.length];
        for (int t = 0; t < scores.length; t++) {
            init[t] = scores[t] * scale;
        }
        return init;
    }
}
