package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Matrices;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-batch k-means as scikit-learn's {@code MiniBatchKMeans} (Sculley 2010): {@code nInit} k-means++ seedings on
 * random subsets of {@code initSize} points, the one with the lowest inertia on a validation subset kept; then steps on
 * random batches, each centre moving towards its batch points with a per-centre learning rate 1/count; low-count
 * centres re-seeded at random batch points ({@code reassignmentRatio}); early stop when the smoothed batch inertia has
 * not improved for {@code maxNoImprovement} steps. Labels and inertia are then computed on all points.
 */
public record MiniBatchKMeans(int k, int batchSize, int maxIter, int nInit, int maxNoImprovement,
                              double reassignmentRatio, long seed) implements Clusterer {
    private static final Logger log = LoggerFactory.getLogger(MiniBatchKMeans.class);
    private static final long BLOCK_BYTES = 64L << 20;

    public MiniBatchKMeans {
        Require.atLeast("k", k, 1);
        Require.atLeast("batch_size", batchSize, 1);
        Require.atLeast("max_iter", maxIter, 1);
        Require.atLeast("n_init", nInit, 1);
        Require.atLeast("max_no_improvement", maxNoImprovement, 1);
        Require.nonNegative("reassignment_ratio", reassignmentRatio);
    }

    /** scikit-learn 1.2's defaults: batch_size 1024, max_iter 100 (epochs), n_init 3, max_no_improvement 10, 0.01. */
    public static MiniBatchKMeans of(int k) {
        return new MiniBatchKMeans(k, 1024, 100, 3, 10, 0.01, 0);
    }

    public MiniBatchKMeans withSeed(long s) {
        return new MiniBatchKMeans(k, batchSize, maxIter, nInit, maxNoImprovement, reassignmentRatio, s);
    }

    public MiniBatchKMeans withBatchSize(int b) {
        return new MiniBatchKMeans(k, b, maxIter, nInit, maxNoImprovement, reassignmentRatio, seed);
    }

    public MiniBatchKMeans withNInit(int n) {
        return new MiniBatchKMeans(k, batchSize, maxIter, n, maxNoImprovement, reassignmentRatio, seed);
    }

    @Override
    public String name() {
        return "minibatch_kmeans";
    }

    @Override
    public KMeansModel fit(INDArray data) {
        DenseRows x = DenseRows.of(data, "features");
        Matrices.requireClusterCount("k", k, x.n());
        int n = x.n();
        int d = x.d();
        int batch = Math.min(batchSize, n);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] centers = bestInit(x, Math.min(n, Math.max(3 * batch, k)), rng);
        float[] counts = new float[k];
        long steps = Math.max(1, (long) maxIter * n / batch);
        SmoothedInertia monitor = new SmoothedInertia(Math.min(1.0, 2.0 * batch / (n + 1)), maxNoImprovement);
        Batch b = new Batch(batch, d, k);
        long step = 0;
        long sinceReassign = 0;
        while (step < steps) {
            step++;
            double inertia = b.assign(x, randomRows(rng, n, batch), centers);
            moveCenters(b, centers, counts);
            sinceReassign += batch;
            if (reassignmentRatio > 0 && (min(counts) == 0 || sinceReassign >= 10L * k)) {
                reassignSmallClusters(b, centers, counts, rng);
                sinceReassign = 0;
            }
            if (monitor.stop(inertia / batch)) {
                break;
            }
        }
        log.debug("mini-batch k-means stopped after {} of {} steps", step, steps);
        INDArray finalCenters = matrix(centers, k, d);
        int[] all = new int[n];
        double inertia = Assignment.assign(x.array(), x.squaredNorms(), finalCenters, all, new float[n], BLOCK_BYTES);
        return new KMeansModel(all, finalCenters, inertia, (int) step);
    }

    /** k-means++ on nInit random subsets, scored by inertia on one validation subset; the best seeding wins. */
    private float[] bestInit(DenseRows x, int initSize, SplittableRandom rng) {
        DenseRows validation = x.select(randomRows(rng, x.n(), initSize));
        int[] labels = new int[initSize];
        float[] minDist = new float[initSize];
        INDArray best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int run = 0; run < nInit; run++) {
            DenseRows subset = x.select(randomRows(rng, x.n(), initSize));
            INDArray centers = KMeansPlusPlus.seed(subset, k, rng);
            double inertia = Assignment.assign(validation.array(), validation.squaredNorms(), centers, labels, minDist,
                    BLOCK_BYTES);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = centers;
            }
        }
        return NdArrays.values(best);
    }

    /**
     * One batch's rows and their nearest centres, in buffers reused from step to step: allocating fresh ND4J memory
     * each step costs more than the step's GEMM.
     */
    private static final class Batch {
        final int size;
        final int d;
        final int k;
        final float[] values;
        final float[] norms;
        final int[] labels;
        final float[] minDist;
        final float[] centerNorms;
        final float[] sums;
        final INDArray rows;
        final CentreProducts products;

        Batch(int size, int d, int k) {
            this.size = size;
            this.d = d;
            this.k = k;
            values = new float[size * d];
            norms = new float[size];
            labels = new int[size];
            minDist = new float[size];
            centerNorms = new float[k];
            sums = new float[k * d];
            rows = Nd4j.createUninitialized(DataType.FLOAT, size, d);
            products = new CentreProducts(k, d);
        }

        /** Gathers the given rows of x, assigns each to its nearest centre; returns the batch inertia. */
        double assign(DenseRows x, int[] picked, float[] centerValues) {
            for (int r = 0; r < size; r++) {
                System.arraycopy(x.values(), picked[r] * d, values, r * d, d);
                norms[r] = x.squaredNorms()[picked[r]];
            }
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int t = j * d; t < (j + 1) * d; t++) {
                    s += centerValues[t] * centerValues[t];
                }
                centerNorms[j] = (float) s;
            }
            NdArrays.fill(rows, values);
            products.setCenters(centerValues);
            return Assignment.nearest(products.times(rows), 0, 0, size, size, k, centerNorms, norms, labels, minDist);
        }
    }

    /** Each centre takes the mean of its old position (weighted by its count) and its batch points. */
    private void moveCenters(Batch b, float[] centers, float[] counts) {
        int d = b.d;
        // float sums as scikit-learn's float32 update: over at most one batch they lose nothing that matters.
        float[] sums = b.sums;
        Arrays.fill(sums, 0f);
        int[] batchCounts = new int[k];
        int[] labels = b.labels;
        float[] v = b.values;
        for (int i = 0; i < b.size; i++) {
            int c = labels[i] * d;
            batchCounts[labels[i]]++;
            for (int t = 0; t < d; t++) {
                sums[c + t] += v[i * d + t];
            }
        }
        for (int j = 0; j < k; j++) {
            if (batchCounts[j] == 0) {
                continue;
            }
            float old = counts[j];
            counts[j] += batchCounts[j];
            for (int t = 0; t < d; t++) {
                centers[j * d + t] = (centers[j * d + t] * old + sums[j * d + t]) / counts[j];
            }
        }
    }

    /**
     * As scikit-learn: centres whose count is below ratio × the largest (at most half a batch of them) move to distinct
     * random batch points, and their counts are set to the smallest remaining count so they are not moved right back.
     */
    private void reassignSmallClusters(Batch b, float[] centers, float[] counts, SplittableRandom rng) {
        float limit = (float) reassignmentRatio * max(counts);
        Integer[] byCount = new Integer[k];
        for (int j = 0; j < k; j++) {
            byCount[j] = j;
        }
        Arrays.sort(byCount, (a, c) -> Float.compare(counts[a], counts[c]));
        boolean[] reassign = new boolean[k];
        for (int r = 0; r < Math.min(k, b.size / 2); r++) {
            reassign[byCount[r]] = counts[byCount[r]] < limit;
        }
        float keptMin = Float.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            if (!reassign[j]) {
                keptMin = Math.min(keptMin, counts[j]);
            }
        }
        int d = b.d;
        int[] points = RandomRows.distinct(rng, b.size, Math.min(k, b.size));
        int used = 0;
        for (int j = 0; j < k; j++) {
            if (reassign[j]) {
                System.arraycopy(b.values, points[used++] * d, centers, j * d, d);
                counts[j] = keptMin;
            }
        }
    }

    private static int[] randomRows(SplittableRandom rng, int n, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }

    private static INDArray matrix(float[] values, int rows, int cols) {
        return NdArrays.matrix(values, rows, cols);
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
