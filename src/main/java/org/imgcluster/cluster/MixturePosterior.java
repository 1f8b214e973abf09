package org.imgcluster.cluster;

/**
 * The E-step's result for n points and k components: responsibilities (n×k, row-major, rows sum to 1) and each point's
 * log-likelihood log Σ_m w_m N(x | μ_m, Σ_m).
 */
record MixturePosterior(double[] responsibilities, double[] logLikelihoods, int k) {

    /** The mean per-point log-likelihood (scikit-learn's {@code score}), summed in double. */
    double meanLogLikelihood() {
        double s = 0;
        for (double v : logLikelihoods) {
            s += v;
        }
        return s / logLikelihoods.length;
    }

    /** The most responsible component of each point (the first on ties, as numpy's argmax). */
    int[] labels() {
        int n = logLikelihoods.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int m = 1; m < k; m++) {
                if (responsibilities[i * k + m] > responsibilities[i * k + best]) {
                    best = m;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
