package org.imgcluster.cluster;

import java.util.SplittableRandom;

import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * k-means as scikit-learn's {@code KMeans(algorithm="lloyd")}: greedy k-means++ seeding, {@code nInit} restarts
 * keeping the lowest inertia, Lloyd iterations until the labels stop changing or the centres move less than
 * {@code tol} × the data's mean column variance, empty clusters re-seeded at the points farthest from their centres.
 * The iterations use Elkan's bounds on data of 100 or more features ({@link ElkanLloyd}), so they give Lloyd's result
 * at a fraction of its distance computations. Memory: the data plus n·k floats of bounds and O(block·k + k·d).
 */
public record KMeans(int k, int nInit, int maxIter, double tol, long seed) implements Clusterer {
    private static final Logger log = LoggerFactory.getLogger(KMeans.class);

    public KMeans {
        Require.atLeast("k", k, 1);
        Require.atLeast("n_init", nInit, 1);
        Require.atLeast("max_iter", maxIter, 1);
        Require.nonNegative("tol", tol);
    }

    /** scikit-learn's defaults: n_init 1 (its "auto" for k-means++), max_iter 300, tol 1e-4, seed 0. */
    public static KMeans of(int k) {
        return new KMeans(k, 1, 300, 1e-4, 0);
    }

    public KMeans withNInit(int n) {
        return new KMeans(k, n, maxIter, tol, seed);
    }

    public KMeans withMaxIter(int n) {
        return new KMeans(k, nInit, n, tol, seed);
    }

    public KMeans withTol(double t) {
        return new KMeans(k, nInit, maxIter, t, seed);
    }

    public KMeans withSeed(long s) {
        return new KMeans(k, nInit, maxIter, tol, s);
    }

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public KMeansModel fit(INDArray data) {
        return fit(DenseRows.of(data, "features"));
    }

    /** {@link #fit(INDArray)} on data already prepared (and checked) by the caller. */
    public KMeansModel fit(DenseRows x) {
        Matrices.requireClusterCount("k", k, x.n());
        double absTol = tol * x.meanColumnVariance();
        SplittableRandom seeds = new SplittableRandom(seed);
        KMeansModel best = null;
        for (int run = 0; run < nInit; run++) {
            SplittableRandom rng = seeds.split();
            INDArray centers = KMeansPlusPlus.seed(x, k, rng);
            KMeansModel model = new ElkanLloyd(x, k).run(centers, maxIter, absTol);
            log.debug("k-means run {}/{}: inertia {} after {} iterations", run + 1, nInit, model.inertia(), model.nIter());
            if (best == null || model.inertia() < best.inertia()) {
                best = model;
            }
        }
        return best;
    }
}
