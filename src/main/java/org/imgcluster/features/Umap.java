package org.imgcluster.features;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.KnnGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UMAP as umap-learn 0.5.3's {@code UMAP(n_neighbors=15, n_components=2, min_dist=0.1, spread=1.0,
 * init="spectral", random_state=seed)}, on every training row: the exact Euclidean k-nearest-neighbour graph
 * ({@link KnnGraph}, where umap-learn approximates by NN-descent above 4,096 points), its fuzzy simplicial set, a
 * spectral start and umap-learn's stochastic gradient descent (200 epochs above 10,000 points, else 500).
 * <p>
 * Smile 3.1.1's {@code smile.manifold.UMAP} takes no precomputed graph, finds neighbours by brute force in one thread
 * and keeps only the largest connected part of the graph: on 60,000×50 (PCA-50 of Fashion-MNIST) it took 280 s, 237 s
 * of them in the neighbour search, and dropped 2,029 points, where umap-learn takes 53 s. So these steps are ours
 * (28 s there: neighbours 6 s, graph and spectral start 2 s, 200 epochs 20 s), with the ARPACK binding Smile ships
 * for the spectral start. Labels are not used: every row is embedded. The same seed gives the same embedding.
 * Memory: O(n·n_neighbors) beyond the data.
 */
public record Umap(int nNeighbors, int nComponents, double minDist, double spread, OptionalInt nEpochs,
        double learningRate, int negativeSampleRate, double repulsionStrength, long seed) implements EmbeddingMethod {
    static final String METHOD = "UMAP";

    private static final Logger LOG = LoggerFactory.getLogger(Umap.class);
    /** umap-learn's epoch counts by size, and the size at which it switches. */
    private static final int SMALL_EPOCHS = 500;
    private static final int LARGE_EPOCHS = 200;
    private static final int LARGE = 10_000;
    private static final double INIT_SPAN = 10;
    private static final double INIT_NOISE = 1e-4;

    public Umap {
        Require.atLeast("n_neighbors", nNeighbors, 2);
        Require.atLeast("n_components", nComponents, 1);
        if (!(minDist >= 0 && minDist <= spread)) {
            throw new BadInputException("min_dist = " + minDist + " must lie in [0, spread = " + spread + "]");
        }
        if (nEpochs.isPresent() && nEpochs.getAsInt() < 1) {
            throw new BadInputException("n_epochs = " + nEpochs.getAsInt() + " must be ≥ 1 (or auto)");
        }
        Require.positive("learning_rate", learningRate);
        Require.atLeast("negative_sample_rate", negativeSampleRate, 1);
        Require.nonNegative("repulsion_strength", repulsionStrength);
    }

    /** umap-learn's defaults (15 neighbours, min_dist 0.1, spread 1, epochs by size), seed 0. */
    public static Umap of(int nComponents) {
        return new Umap(15, nComponents, 0.1, 1.0, OptionalInt.empty(), 1.0, 5, 1.0, 0);
    }

    public Umap withNNeighbors(int k) {
        return new Umap(k, nComponents, minDist, spread, nEpochs, learningRate, negativeSampleRate, repulsionStrength,
                seed);
    }

    public Umap withMinDist(double d) {
        return new Umap(nNeighbors, nComponents, d, spread, nEpochs, learningRate, negativeSampleRate,
                repulsionStrength, seed);
    }

    public Umap withNEpochs(int epochs) {
        return new Umap(nNeighbors, nComponents, minDist, spread, OptionalInt.of(epochs), learningRate,
                negativeSampleRate, repulsionStrength, seed);
    }

    public Umap withSeed(long s) {
        return new Umap(nNeighbors, nComponents, minDist, spread, nEpochs, learningRate, negativeSampleRate,
                repulsionStrength, s);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "umap(n_neighbors=%d, n_components=%d, min_dist=%s, spread=%s, "
                + "n_epochs=%s, learning_rate=%s, negative_sample_rate=%d, repulsion_strength=%s, seed=%d)",
                nNeighbors, nComponents, minDist, spread,
                nEpochs.isPresent() ? Integer.toString(nEpochs.getAsInt()) : "auto", learningRate,
                negativeSampleRate, repulsionStrength, seed);
    }

    /** Embeds every row of {@code x}; UMAP needs no subsample, so the labels are not used. */
    @Override
    public Embedding fit(INDArray data, int[] labels) {
        DenseRows x = DenseRows.of(data, "training data");
        int n = x.n();
        if (nNeighbors >= n || nComponents >= n) {
            throw new BadInputException(String.format(Locale.ROOT, "UMAP of %d points needs n_neighbors (%d) and "
                    + "n_components (%d) below the number of points", n, nNeighbors, nComponents));
        }
        int defaultEpochs = n > LARGE ? LARGE_EPOCHS : SMALL_EPOCHS;
        int epochs = nEpochs.orElse(defaultEpochs);
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        KnnGraph knn = KnnGraph.of(x, nNeighbors, true);
        LOG.info("UMAP of {} points: {} nearest neighbours in {}", n, nNeighbors, Elapsed.since(start));
        FuzzyGraph full = FuzzySimplicialSet.of(knn);
        // umap-learn drops edges too light to be sampled even once in the run (judged by 500/200 epochs if ≤ 10).
        FuzzyGraph graph = full.withoutWeightsBelow(full.maxWeight() / (epochs > 10 ? epochs : defaultEpochs));
        LOG.info("UMAP: fuzzy graph of {} edges after {}", graph.edges(), Elapsed.since(start));
        float[] embedding = initialLayout(graph, x, random);
        LOG.info("UMAP: spectral start after {}; optimising for {} epochs", Elapsed.since(start), epochs);
        new UmapOptimizer(embedding, nComponents, UmapCurve.fit(spread, minDist), repulsionStrength)
                .run(graph, epochs, learningRate, negativeSampleRate, random.nextLong());
        LOG.info("UMAP of {} points done in {}", n, Elapsed.since(start));
        return Embedding.of(name(), METHOD, x, IntStream.range(0, n).toArray(), embedding, nComponents,
                Map.of("n_epochs", (double) epochs));
    }

    /**
     * umap-learn's start: the spectral layout expanded so its largest coordinate is 10, plus N(0, 10⁻⁴) noise, then
     * each column rescaled to [0, 10].
     */
    private float[] initialLayout(FuzzyGraph graph, DenseRows x, SplittableRandom random) {
        double[] layout = SpectralLayout.of(graph, x, nComponents, random);
        double largest = 0;
        for (double v : layout) {
            largest = Math.max(largest, Math.abs(v));
        }
        float[] embedding = new float[layout.length];
        for (int t = 0; t < layout.length; t++) {
            embedding[t] = (float) (layout[t] * INIT_SPAN / largest) + (float) (INIT_NOISE * gaussian(random));
        }
        for (int j = 0; j < nComponents; j++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int t = j; t < embedding.length; t += nComponents) {
                min = Math.min(min, embedding[t]);
                max = Math.max(max, embedding[t]);
            }
            for (int t = j; t < embedding.length; t += nComponents) {
                embedding[t] = (float) (INIT_SPAN * (embedding[t] - min) / (max - min));
            }
        }
        return embedding;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
