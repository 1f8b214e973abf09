package org.imgcluster.cluster;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Gaussian mixture whose number of components is chosen by minimum message length, as Figueiredo &amp; Jain (2002),
 * "Unsupervised learning of finite mixture models", IEEE TPAMI 24(3): start from {@code kMax} components, run
 * component-wise EM (CEM²) with the MML weight update that annihilates components the data cannot support, then force
 * the weakest component out and continue, down to {@code kMin}; return the mixture with the shortest message.
 * See {@link ComponentwiseEm}. Memory: that of {@link GaussianMixture} with k = kMax.
 *
 * @param tol     CEM² at one number of components stops when the mean per-point log-likelihood changes by less
 * @param maxIter most CEM² sweeps at one number of components
 */
public record GaussianMixtureMml(int kMin, int kMax, CovarianceType covarianceType, double tol, double regCovar,
                                 int maxIter, long seed) implements Clusterer {

    public GaussianMixtureMml {
        Require.atLeast("k_min", kMin, 1);
        if (kMax < kMin) {
            throw new BadInputException("k_max = " + kMax + " must be ≥ k_min = " + kMin);
        }
        if (covarianceType == null || covarianceType == CovarianceType.TIED) {
            throw new BadInputException("covariance_type = "
                    + (covarianceType == null ? "nothing" : "'tied'") + " has no per-component covariance; allowed: "
                    + CovarianceType.allowed(CovarianceType.FULL, CovarianceType.DIAG, CovarianceType.SPHERICAL));
        }
        Require.nonNegative("tol", tol);
        Require.nonNegative("reg_covar", regCovar);
        Require.atLeast("max_iter", maxIter, 1);
    }

    /** From kMax components down to 1, full covariances, tol 1e-5, reg_covar 1e-6, at most 1000 sweeps per k. */
    public static GaussianMixtureMml of(int kMax) {
        return new GaussianMixtureMml(1, kMax, CovarianceType.FULL, 1e-5, 1e-6, 1000, 0);
    }

    public GaussianMixtureMml withKMin(int k) {
        return new GaussianMixtureMml(k, kMax, covarianceType, tol, regCovar, maxIter, seed);
    }

    /** "full", "diag" or "spherical". */
    public GaussianMixtureMml withCovarianceType(String type) {
        return new GaussianMixtureMml(kMin, kMax, CovarianceType.parse(type), tol, regCovar, maxIter, seed);
    }

    public GaussianMixtureMml withTol(double t) {
        return new GaussianMixtureMml(kMin, kMax, covarianceType, t, regCovar, maxIter, seed);
    }

    public GaussianMixtureMml withRegCovar(double r) {
        return new GaussianMixtureMml(kMin, kMax, covarianceType, tol, r, maxIter, seed);
    }

    public GaussianMixtureMml withMaxIter(int n) {
        return new GaussianMixtureMml(kMin, kMax, covarianceType, tol, regCovar, n, seed);
    }

    public GaussianMixtureMml withSeed(long s) {
        return new GaussianMixtureMml(kMin, kMax, covarianceType, tol, regCovar, maxIter, s);
    }

    @Override
    public String name() {
        return "gmm-mml";
    }

    /** The mixture with the shortest message; its {@code messageLengths()} hold the whole path. */
    @Override
    public GaussianMixtureModel fit(INDArray x) {
        MixtureData data = MixtureData.of(x, "features");
        Matrices.requireClusterCount("k_max", kMax, data.n());
        return new ComponentwiseEm(data, this).search();
    }
}
