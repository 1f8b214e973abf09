package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.imgcluster.linalg.LogSumExp;

/**
 * The search of {@link GaussianMixtureMml}. Component-wise EM (CEM²): components are updated one at a time, each from
 * responsibilities computed with the latest parameters of all the others. Figueiredo &amp; Jain's weight update
 * w_m = max(0, Σ_i r_im − N/2) / Σ_j max(0, Σ_i r_ij − N/2), N the parameters of one component (each Σ_i r_ij as of
 * component j's latest update), sets the weight of a component that fewer than N/2 points support to 0, and such a
 * component is annihilated at once. When the log-likelihood settles, the message length
 * L = N/2 Σ_m log(n·w_m/12) + k/2 log(n/12) + k(N+1)/2 − log-likelihood is recorded for the current k, the weakest
 * component is removed, and CEM² goes on, down to kMin. Each component update costs an n·k log-sum-exp, one
 * component's M-step and its densities: a sweep costs about one EM iteration plus n·k² exponentials.
 */
final class ComponentwiseEm {
    private final MixtureData data;
    private final GaussianMixtureMml config;
    private final GaussianLogDensities densities;
    private final GaussianEstimator estimator;
    private final int n;
    private final int parametersPerComponent;

    /** The state of the search: parameters, n×k log-densities, and each component's support max(0, Σ r − N/2). */
    private GaussianParameters p;
    private double[] logDensity;
    private double[] support;

    ComponentwiseEm(MixtureData data, GaussianMixtureMml config) {
        this.data = data;
        this.config = config;
        this.densities = new GaussianLogDensities(data);
        this.estimator = new GaussianEstimator(data);
        this.n = data.n();
        this.parametersPerComponent = config.covarianceType().componentParameters(data.d());
    }

    GaussianMixtureModel search() {
        start(new SplittableRandom(config.seed()));
        NavigableMap<Integer, Double> path = new TreeMap<>();
        GaussianParameters best = null;
        Settled bestRun = null;
        double bestLength = Double.POSITIVE_INFINITY;
        int sweeps = 0;
        while (true) {
            Settled run = settle();
            sweeps += run.sweeps();
            double length = messageLength(run.meanLogLikelihood());
            path.put(p.k(), length);
            if (length < bestLength) {
                best = p;
                bestRun = run;
                bestLength = length;
            }
            if (p.k() <= config.kMin()) {
                break;
            }
            remove(argMin(p.weights()));
        }
        return new GaussianMixtureModel(best, densities.posterior(best), bestRun.meanLogLikelihood(), sweeps,
                bestRun.converged(), path);
    }

    /** How CEM² at one number of components ended. */
    private record Settled(double meanLogLikelihood, boolean converged, int sweeps) {
    }

    /** CEM² sweeps until the mean log-likelihood changes by less than tol, or maxIter sweeps. */
    private Settled settle() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int sweeps = 1; ; sweeps++) {
            sweep();
            double current = meanLogLikelihood();
            boolean converged = Math.abs(current - previous) < config.tol();
            if (converged || sweeps == config.maxIter()) {
                return new Settled(current, converged, sweeps);
            }
            previous = current;
        }
    }

    /** Figueiredo &amp; Jain's start: kMax distinct random points as means, σ²·I with σ² = max variance / 10. */
    private void start(SplittableRandom rng) {
        int k = config.kMax();
        int d = data.d();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double[] means = new double[k * d];
        for (int m = 0; m < k; m++) {
            int pick = m + rng.nextInt(n - m);
            int row = order[pick];
            order[pick] = order[m];
            order[m] = row;
            for (int j = 0; j < d; j++) {
                means[m * d + j] = data.centered()[row * d + j] + data.center()[j];
            }
        }
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        CovarianceType type = config.covarianceType();
        p = GaussianParameters.fromCovariances(type, k, d, weights, means, scaledIdentities(type, k, d,
                maxColumnVariance() / 10));
        logDensity = new double[n * k];
        densities.compute(p, 0, k, logDensity);
        double[] resp = logDensity.clone();
        LogSumExp.softmaxRows(resp, k, p.logWeights());
        support = new double[k];
        for (int m = 0; m < k; m++) {
            support[m] = supportOf(column(resp, k, m));
        }
    }

    /** k covariances σ²·I in the layout of the type. */
    private static double[] scaledIdentities(CovarianceType type, int k, int d, double variance) {
        if (type != CovarianceType.FULL) {
            double[] out = new double[k * type.valuesPerComponent(d)];
            Arrays.fill(out, variance);
            return out;
        }
        double[] out = new double[k * d * d];
        for (int m = 0; m < k; m++) {
            for (int j = 0; j < d; j++) {
                out[m * d * d + j * d + j] = variance;
            }
        }
        return out;
    }

    /** One CEM² sweep over the components, annihilating those left without support. */
    private void sweep() {
        int m = 0;
        while (m < p.k()) {
            double[] lse = LogSumExp.rows(logDensity, p.k(), p.logWeights());
            double[] resp = new double[n];
            double logWeight = Math.log(p.weights()[m]);
            for (int i = 0; i < n; i++) {
                resp[i] = Math.exp(logDensity[i * p.k() + m] + logWeight - lse[i]);
            }
            support[m] = supportOf(resp);
            if (support[m] == 0) {
                remove(m);
                continue;
            }
            GaussianEstimator.Estimates e = estimator.estimate(resp, 1, p.type(), config.regCovar());
            p = p.withComponent(m, e.means(), e.covariances()).withWeights(weightsFromSupport());
            densities.compute(p, m, m + 1, logDensity);
            m++;
        }
    }

    /** max(0, Σ_i r_i − N/2). */
    private double supportOf(double[] resp) {
        double sum = 0;
        for (double r : resp) {
            sum += r;
        }
        return Math.max(0, sum - parametersPerComponent / 2.0);
    }

    /** Drops component m from the parameters, the log-densities and the supports; the weights follow the supports. */
    private void remove(int m) {
        int k = p.k();
        if (k == 1) {
            throw unsupported();
        }
        double[] shrunk = new double[n * (k - 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(logDensity, i * k, shrunk, i * (k - 1), m);
            System.arraycopy(logDensity, i * k + m + 1, shrunk, i * (k - 1) + m, k - m - 1);
        }
        logDensity = shrunk;
        double[] rest = new double[k - 1];
        System.arraycopy(support, 0, rest, 0, m);
        System.arraycopy(support, m + 1, rest, m, k - m - 1);
        support = rest;
        p = p.without(m).withWeights(weightsFromSupport());
    }

    /** The MML weights: each component's support over the total. */
    private double[] weightsFromSupport() {
        double total = Arrays.stream(support).sum();
        if (total == 0) {
            throw unsupported();
        }
        return Arrays.stream(support).map(s -> s / total).toArray();
    }

    private IllegalArgumentException unsupported() {
        return new IllegalArgumentException("no component keeps the support of more than N/2 = "
                + parametersPerComponent / 2.0 + " of the n = " + n + " points; lower k_max or choose a "
                + "covariance_type with fewer parameters (allowed: full, diag, spherical)");
    }

    private double meanLogLikelihood() {
        double sum = 0;
        for (double v : LogSumExp.rows(logDensity, p.k(), p.logWeights())) {
            sum += v;
        }
        return sum / n;
    }

    /** Figueiredo &amp; Jain's message length of the current mixture (see the class comment). */
    private double messageLength(double meanLogLikelihood) {
        int k = p.k();
        double half = parametersPerComponent / 2.0;
        double sum = 0;
        for (double w : p.weights()) {
            sum += Math.log(n * w / 12);
        }
        return half * sum + k / 2.0 * Math.log(n / 12.0) + k * (parametersPerComponent + 1) / 2.0
                - meanLogLikelihood * n;
    }

    private double maxColumnVariance() {
        int d = data.d();
        double[] sumSq = new double[d];
        float[] x = data.centered();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sumSq[j] += (double) x[i * d + j] * x[i * d + j];
            }
        }
        return Arrays.stream(sumSq).max().orElseThrow() / Math.max(1, n - 1);
    }

    private static double[] column(double[] a, int cols, int m) {
        double[] out = new double[a.length / cols];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i * cols + m];
        }
        return out;
    }

    private static int argMin(double[] values) {
        int best = 0;
        for (int m = 1; m < values.length; m++) {
            if (values[m] < values[best]) {
                best = m;
            }
        }
        return best;
    }
}
