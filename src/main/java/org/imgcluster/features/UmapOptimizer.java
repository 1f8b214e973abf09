package org.imgcluster.features;

import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * umap-learn 0.5.3's {@code optimize_layout_euclidean} with {@code move_other=True}, as it runs when a seed is set (one
 * thread, so the result is reproducible): stochastic gradient descent on the fuzzy cross-entropy, each edge sampled
 * once every max(w)/w epochs and followed by {@code negativeSampleRate} repulsive samples of random points, gradients
 * clipped to ±4, the learning rate falling linearly to 0. The negative samples come from Java's SplittableRandom,
 * not umap-learn's Tausworthe generator, so runs agree with umap-learn in distribution, not point by point.
 */
final class UmapOptimizer {
    private static final Logger LOG = LoggerFactory.getLogger(UmapOptimizer.class);
    private static final double CLIP = 4;
    /** Progress is logged at most this often. */
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    private final float[] embedding;
    private final int dim;
    private final int n;
    private final UmapCurve curve;
    private final double repulsion;

    /** Optimises {@code embedding} (n×dim, row-major) in place. */
    UmapOptimizer(float[] embedding, int dim, UmapCurve curve, double repulsionStrength) {
        this.embedding = embedding;
        this.dim = dim;
        this.n = embedding.length / dim;
        this.curve = curve;
        this.repulsion = repulsionStrength;
    }

    void run(FuzzyGraph graph, int epochs, double learningRate, int negativeSampleRate, long seed) {
        int edges = graph.edges();
        int[] head = new int[edges];
        for (int i = 0; i < graph.n(); i++) {
            for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                head[p] = i;
            }
        }
        int[] tail = graph.column();
        double max = graph.maxWeight();
        double[] epochsPerSample = new double[edges];
        double[] epochsPerNegative = new double[edges];
        for (int e = 0; e < edges; e++) {
            epochsPerSample[e] = max / graph.weight()[e];
            epochsPerNegative[e] = epochsPerSample[e] / negativeSampleRate;
        }
        double[] nextSample = epochsPerSample.clone();
        double[] nextNegative = epochsPerNegative.clone();
        SplittableRandom random = new SplittableRandom(seed);
        double alpha = learningRate;
        long start = System.nanoTime();
        long lastReport = start;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int e = 0; e < edges; e++) {
                if (nextSample[e] > epoch) {
                    continue;
                }
                attract(head[e], tail[e], alpha);
                nextSample[e] += epochsPerSample[e];
                int negatives = (int) ((epoch - nextNegative[e]) / epochsPerNegative[e]);
                for (int s = 0; s < negatives; s++) {
                    repel(head[e], random.nextInt(n), alpha);
                }
                nextNegative[e] += negatives * epochsPerNegative[e];
            }
            alpha = learningRate * (1 - (double) epoch / epochs);
            if (System.nanoTime() - lastReport > REPORT_EVERY_NANOS) {
                lastReport = System.nanoTime();
                LOG.info("UMAP: epoch {} of {}, {}", epoch + 1, epochs, Elapsed.since(start));
            }
        }
    }

    /** Pulls the edge's two ends together. */
    private void attract(int j, int k, double alpha) {
        double distSq = squaredDistance(j, k);
        double coefficient = 0;
        if (distSq > 0) {
            double power = Math.pow(distSq, curve.b());
            coefficient = -2 * curve.a() * curve.b() * (power / distSq) / (curve.a() * power + 1);
        }
        for (int t = 0; t < dim; t++) {
            double grad = clip(coefficient * (embedding[j * dim + t] - embedding[k * dim + t]));
            embedding[j * dim + t] += (float) (grad * alpha);
            embedding[k * dim + t] -= (float) (grad * alpha);
        }
    }

    /** Pushes point j away from a random point k; a point on top of j (not j itself) is pushed off by the clip. */
    private void repel(int j, int k, double alpha) {
        double distSq = squaredDistance(j, k);
        if (distSq == 0 && j == k) {
            return;
        }
        double coefficient = 0;
        if (distSq > 0) {
            double power = Math.pow(distSq, curve.b());
            coefficient = 2 * repulsion * curve.b() / ((0.001 + distSq) * (curve.a() * power + 1));
        }
        for (int t = 0; t < dim; t++) {
            double grad = coefficient > 0 ? clip(coefficient * (embedding[j * dim + t] - embedding[k * dim + t])) : CLIP;
            embedding[j * dim + t] += (float) (grad * alpha);
        }
    }

    private double squaredDistance(int j, int k) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
            double diff = embedding[j * dim + t] - embedding[k * dim + t];
            s += diff * diff;
        }
        return s;
    }

    private static double clip(double value) {
        return Math.max(-CLIP, Math.min(CLIP, value));
    }
}
