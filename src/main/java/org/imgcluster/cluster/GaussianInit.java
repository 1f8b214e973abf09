package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The starting parameters of one EM run, as scikit-learn's {@code _initialize_parameters} and {@code _initialize}:
 * responsibilities from k-means labels (one-hot) or uniform random numbers, one M-step on them (weights N_m / n), and
 * every part the user gave explicitly ({@code weights_init}, {@code means_init}, {@code precisions_init}) taking the
 * place of the estimated one. With all three given, no responsibilities are drawn.
 */
final class GaussianInit {
    private GaussianInit() {
    }

    static GaussianParameters parameters(GaussianMixture config, INDArray x, MixtureData data,
                                         GaussianEstimator estimator, SplittableRandom rng) {
        int k = config.nComponents();
        int d = data.d();
        CovarianceType type = config.covarianceType();
        double[] weights = config.weightsInit() == null ? null : checkedWeights(config.weightsInit(), k);
        double[] means = config.meansInit() == null ? null : checkedValues(config.meansInit(), "means_init",
                new long[] {k, d}, "[n_components, n_features]");
        double[] precisions = config.precisionsInit() == null ? null : checkedValues(config.precisionsInit(),
                "precisions_init", type.shape(k, d), shapeName(type));
        if (weights != null && means != null && precisions != null) {
            return GaussianParameters.fromPrecisions(type, k, d, weights, means, precisions);
        }
        double[] resp = responsibilities(config, x, data.n(), rng);
        GaussianEstimator.Estimates e = estimator.estimate(resp, k, type, config.regCovar());
        if (weights == null) {
            weights = e.sizes().clone();
            for (int m = 0; m < k; m++) {
                weights[m] /= data.n();
            }
        }
        if (means == null) {
            means = e.means();
        }
        return precisions == null
                ? GaussianParameters.fromCovariances(type, k, d, weights, means, e.covariances())
                : GaussianParameters.fromPrecisions(type, k, d, weights, means, precisions);
    }

    private static double[] responsibilities(GaussianMixture config, INDArray x, int n, SplittableRandom rng) {
        int k = config.nComponents();
        double[] resp = new double[n * k];
        switch (config.initParams()) {
            case KMEANS -> {
                int[] labels = new KMeans(k, 1, 300, 1e-4, rng.nextLong()).fit(x).labels();
                for (int i = 0; i < n; i++) {
                    resp[i * k + labels[i]] = 1;
                }
            }
            case RANDOM -> {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int m = 0; m < k; m++) {
                        resp[i * k + m] = rng.nextDouble();
                        sum += resp[i * k + m];
                    }
                    for (int m = 0; m < k; m++) {
                        resp[i * k + m] /= sum;
                    }
                }
            }
        }
        return resp;
    }

    /** scikit-learn's {@code _check_weights}: k values in [0, 1] summing to 1 (numpy's allclose). */
    private static double[] checkedWeights(double[] weights, int k) {
        if (weights.length != k) {
            throw new IllegalArgumentException("weights_init has " + weights.length + " values; n_components = " + k
                    + " needs " + k);
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("weights_init must lie in [0, 1], got " + w);
            }
            sum += w;
        }
        if (!(Math.abs(1 - sum) <= 1e-8)) {
            throw new IllegalArgumentException("weights_init must sum to 1, got " + sum);
        }
        return weights.clone();
    }

    private static double[] checkedValues(INDArray a, String name, long[] shape, String shapeName) {
        if (!Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(a.shape()) + "; it must be "
                    + shapeName + " = " + Arrays.toString(shape));
        }
        double[] values = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " contains " + v + "; it must be finite");
            }
        }
        return values;
    }

    private static String shapeName(CovarianceType type) {
        return switch (type) {
            case FULL -> "[n_components, n_features, n_features]";
            case TIED -> "[n_features, n_features]";
            case DIAG -> "[n_components, n_features]";
            case SPHERICAL -> "[n_components]";
        };
    }
}
