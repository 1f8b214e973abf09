package org.imgcluster.cluster;

import java.util.Collections;
import java.util.SplittableRandom;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gaussian mixture fitted by EM, as scikit-learn's {@code GaussianMixture} (same parameter names, defaults and
 * stopping rule): {@code nInit} starts from k-means labels or random responsibilities (or the explicit
 * {@code weightsInit}, {@code meansInit}, {@code precisionsInit}), keeping the run with the highest lower bound.
 * Arithmetic: float32 GEMMs on the centred data for densities and means; scatter matrices, log-likelihoods, sums
 * across row blocks and the d×d factorisations in double (agreement with scikit-learn: see
 * GaussianMixtureSklearnTest); {@link GaussianEm} gives the cost. Memory: two float copies of the data, n·k doubles
 * of responsibilities and O(k·d²).
 *
 * @param tol            EM stops when the mean per-point log-likelihood (lower bound) changes by less than this
 * @param regCovar       added to the covariances' diagonals, keeping them positive definite
 * @param weightsInit    initial weights (k, summing to 1), or null to estimate them
 * @param meansInit      initial means (k×d), or null to estimate them
 * @param precisionsInit initial precisions (inverse covariances) in the shape of the covariance type, or null
 */
public record GaussianMixture(int nComponents, CovarianceType covarianceType, double tol, double regCovar,
                              int maxIter, int nInit, InitParams initParams, long seed, double[] weightsInit,
                              INDArray meansInit, INDArray precisionsInit) implements Clusterer {
    private static final Logger log = LoggerFactory.getLogger(GaussianMixture.class);

    /** How a run's starting responsibilities are drawn (scikit-learn's {@code init_params}). */
    public enum InitParams {
        /** One-hot responsibilities from the labels of k-means (one k-means++ start) with a seed from {@code seed}. */
        KMEANS,
        /** Uniform random responsibilities, normalised per point. */
        RANDOM;

        /** "kmeans" or "random", case-insensitive. */
        public static InitParams parse(String name) {
            for (InitParams p : values()) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new BadInputException("init_params = '" + name + "' is unknown; allowed: kmeans, random");
        }
    }

    public GaussianMixture {
        Require.atLeast("n_components", nComponents, 1);
        if (covarianceType == null) {
            throw new BadInputException("covariance_type is missing; allowed: "
                    + CovarianceType.allowed(CovarianceType.values()));
        }
        Require.nonNegative("tol", tol);
        Require.nonNegative("reg_covar", regCovar);
        Require.atLeast("max_iter", maxIter, 1);
        Require.atLeast("n_init", nInit, 1);
        if (initParams == null) {
            throw new BadInputException("init_params is missing; allowed: kmeans, random");
        }
        weightsInit = weightsInit == null ? null : weightsInit.clone();
        meansInit = meansInit == null ? null : meansInit.dup();
        precisionsInit = precisionsInit == null ? null : precisionsInit.dup();
    }

    /** scikit-learn's defaults: full covariances, tol 1e-3, reg_covar 1e-6, max_iter 100, n_init 1, k-means starts. */
    public static GaussianMixture of(int nComponents) {
        return new GaussianMixture(nComponents, CovarianceType.FULL, 1e-3, 1e-6, 100, 1, InitParams.KMEANS, 0, null,
                null, null);
    }

    /** "full", "tied", "diag" or "spherical". */
    public GaussianMixture withCovarianceType(String type) {
        return new GaussianMixture(nComponents, CovarianceType.parse(type), tol, regCovar, maxIter, nInit, initParams,
                seed, weightsInit, meansInit, precisionsInit);
    }

    public GaussianMixture withTol(double t) {
        return new GaussianMixture(nComponents, covarianceType, t, regCovar, maxIter, nInit, initParams, seed,
                weightsInit, meansInit, precisionsInit);
    }

    public GaussianMixture withRegCovar(double r) {
        return new GaussianMixture(nComponents, covarianceType, tol, r, maxIter, nInit, initParams, seed, weightsInit,
                meansInit, precisionsInit);
    }

    public GaussianMixture withMaxIter(int n) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, n, nInit, initParams, seed,
                weightsInit, meansInit, precisionsInit);
    }

    public GaussianMixture withNInit(int n) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, n, initParams, seed,
                weightsInit, meansInit, precisionsInit);
    }

    /** "kmeans" or "random". */
    public GaussianMixture withInitParams(String name) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, nInit, InitParams.parse(name),
                seed, weightsInit, meansInit, precisionsInit);
    }

    public GaussianMixture withSeed(long s) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, nInit, initParams, s,
                weightsInit, meansInit, precisionsInit);
    }

    public GaussianMixture withWeightsInit(double[] weights) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, nInit, initParams, seed,
                weights, meansInit, precisionsInit);
    }

    public GaussianMixture withMeansInit(INDArray means) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, nInit, initParams, seed,
                weightsInit, means, precisionsInit);
    }

    public GaussianMixture withPrecisionsInit(INDArray precisions) {
        return new GaussianMixture(nComponents, covarianceType, tol, regCovar, maxIter, nInit, initParams, seed,
                weightsInit, meansInit, precisions);
    }

    @Override
    public double[] weightsInit() {
        return weightsInit == null ? null : weightsInit.clone();
    }

    @Override
    public INDArray meansInit() {
        return meansInit == null ? null : meansInit.dup();
    }

    @Override
    public INDArray precisionsInit() {
        return precisionsInit == null ? null : precisionsInit.dup();
    }

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public GaussianMixtureModel fit(INDArray x) {
        MixtureData data = MixtureData.of(x, "features");
        Matrices.requireClusterCount("n_components", nComponents, data.n());
        GaussianEm em = new GaussianEm(data, tol, maxIter, regCovar);
        GaussianEstimator estimator = new GaussianEstimator(data);
        SplittableRandom seeds = new SplittableRandom(seed);
        GaussianEm.Run best = null;
        for (int run = 0; run < nInit; run++) {
            GaussianParameters start = GaussianInit.parameters(this, x, data, estimator, seeds.split());
            GaussianEm.Run r = em.run(start);
            log.debug("GMM run {}/{}: lower bound {} after {} iterations (converged: {})", run + 1, nInit,
                    r.lowerBound(), r.nIter(), r.converged());
            if (best == null || r.lowerBound() > best.lowerBound()) {
                best = r;
            }
        }
        if (!best.converged()) {
            log.warn("GMM did not converge in max_iter = {} iterations; raise max_iter or tol", maxIter);
        }
        // As scikit-learn, the labels come from a last E-step, so fit(x).labels() equals predict(x).
        return new GaussianMixtureModel(best.parameters(), em.posterior(best.parameters()), best.lowerBound(),
                best.nIter(), best.converged(), Collections.emptyNavigableMap());
    }
}
