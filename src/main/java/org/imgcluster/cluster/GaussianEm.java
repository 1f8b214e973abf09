package org.imgcluster.cluster;

/**
 * EM for a Gaussian mixture from given starting parameters, as scikit-learn's {@code BaseMixture.fit_predict} loop:
 * each iteration is an E-step (whose mean log-likelihood is the lower bound), then an M-step; it stops when the lower
 * bound changes by less than {@code tol} or after {@code maxIter} iterations. Per iteration on n×d data with k full
 * components: k·n·d² multiply-adds in a float GEMM (densities), at most k·n·d² in double GEMMs (scatters, over the
 * points responsible for each component: about n·d² on clustered data) and about 2·k·n·d element operations in Java.
 */
final class GaussianEm {
    /** One EM run's outcome: the last M-step's parameters and the lower bound of the E-step before it. */
    record Run(GaussianParameters parameters, double lowerBound, int nIter, boolean converged) {
    }

    private final GaussianLogDensities densities;
    private final GaussianEstimator estimator;
    private final double tol;
    private final int maxIter;
    private final double regCovar;

    GaussianEm(MixtureData data, double tol, int maxIter, double regCovar) {
        this.densities = new GaussianLogDensities(data);
        this.estimator = new GaussianEstimator(data);
        this.tol = tol;
        this.maxIter = maxIter;
        this.regCovar = regCovar;
    }

    Run run(GaussianParameters initial) {
        GaussianParameters p = initial;
        double lowerBound = Double.NEGATIVE_INFINITY;
        for (int iter = 1; ; iter++) {
            double previous = lowerBound;
            MixturePosterior posterior = densities.posterior(p);
            p = maximise(posterior.responsibilities(), p);
            lowerBound = posterior.meanLogLikelihood();
            boolean converged = Math.abs(lowerBound - previous) < tol;
            if (converged || iter == maxIter) {
                return new Run(p, lowerBound, iter, converged);
            }
        }
    }

    MixturePosterior posterior(GaussianParameters p) {
        return densities.posterior(p);
    }

    /** The M-step: weights N_m / Σ N, means and covariances from the responsibilities. */
    private GaussianParameters maximise(double[] resp, GaussianParameters p) {
        GaussianEstimator.Estimates e = estimator.estimate(resp, p.k(), p.type(), regCovar);
        double total = 0;
        for (double size : e.sizes()) {
            total += size;
        }
        double[] weights = new double[p.k()];
        for (int m = 0; m < p.k(); m++) {
            weights[m] = e.sizes()[m] / total;
        }
        return GaussianParameters.fromCovariances(p.type(), p.k(), p.d(), weights, e.means(), e.covariances());
    }
}
