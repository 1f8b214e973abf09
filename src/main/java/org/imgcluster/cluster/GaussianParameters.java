package org.imgcluster.cluster;

import java.util.Arrays;

import org.imgcluster.linalg.Cholesky;

/**
 * The parameters of a Gaussian mixture in scikit-learn's layout, flat and row-major: weights (k), means (k×d), the
 * covariances and the Cholesky factors P of the precisions (P·Pᵀ = Σ⁻¹), both shaped as {@link CovarianceType#shape}.
 * Immutable. The accessors return the internal arrays for the kernels of this package, which only read them.
 */
final class GaussianParameters {
    static final String SINGULAR_COVARIANCE = "Fitting the mixture model failed because some components have "
            + "ill-defined empirical covariance (for instance caused by singleton or collapsed samples); "
            + "decrease n_components or increase reg_covar";

    private final CovarianceType type;
    private final int k;
    private final int d;
    private final double[] weights;
    private final double[] means;
    private final double[] covariances;
    private final double[] precisionCholesky;
    private final double[] logDetPrecisionCholesky;

    private GaussianParameters(CovarianceType type, int k, int d, double[] weights, double[] means,
                               double[] covariances, double[] precisionCholesky) {
        this.type = type;
        this.k = k;
        this.d = d;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.precisionCholesky = precisionCholesky;
        this.logDetPrecisionCholesky = logDeterminants();
    }

    /** Parameters from covariances, as scikit-learn's {@code _compute_precision_cholesky}: P = (L⁻¹)ᵀ for Σ = L·Lᵀ. */
    static GaussianParameters fromCovariances(CovarianceType type, int k, int d, double[] weights, double[] means,
                                              double[] covariances) {
        double[] factors = new double[covariances.length];
        int per = type.valuesPerComponent(d);
        for (int off = 0; off < covariances.length; off += per) {
            precisionFactor(type, covariances, off, d, factors);
        }
        return new GaussianParameters(type, k, d, weights, means, covariances, factors);
    }

    /**
     * Parameters from precisions (scikit-learn's {@code precisions_init}): P is the lower Cholesky factor of each
     * precision matrix (the square root of each diagonal precision), the covariances their inverses.
     */
    static GaussianParameters fromPrecisions(CovarianceType type, int k, int d, double[] weights, double[] means,
                                             double[] precisions) {
        double[] factors = new double[precisions.length];
        double[] covariances = new double[precisions.length];
        int per = type.valuesPerComponent(d);
        for (int off = 0; off < precisions.length; off += per) {
            if (type.isMatrix()) {
                requireSymmetric(precisions, off, d);
                double[] p = lowerFactorOfPrecision(precisions, off, d);
                System.arraycopy(p, 0, factors, off, d * d);
                double[] inv = Cholesky.invertLower(p, d);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int t = Math.max(i, j); t < d; t++) {
                            s += inv[t * d + i] * inv[t * d + j];
                        }
                        covariances[off + i * d + j] = s;
                    }
                }
            } else {
                for (int j = off; j < off + per; j++) {
                    if (!(precisions[j] > 0)) {
                        throw new IllegalArgumentException("precisions_init must be positive, got " + precisions[j]);
                    }
                    factors[j] = Math.sqrt(precisions[j]);
                    covariances[j] = 1 / precisions[j];
                }
            }
        }
        return new GaussianParameters(type, k, d, weights, means, covariances, factors);
    }

    GaussianParameters withWeights(double[] newWeights) {
        return new GaussianParameters(type, k, d, newWeights, means, covariances, precisionCholesky);
    }

    /** Component m with a new mean and covariance (not for tied covariances, which no component owns). */
    GaussianParameters withComponent(int m, double[] mean, double[] covariance) {
        int per = type.valuesPerComponent(d);
        double[] newMeans = means.clone();
        System.arraycopy(mean, 0, newMeans, m * d, d);
        double[] newCovariances = covariances.clone();
        System.arraycopy(covariance, 0, newCovariances, m * per, per);
        double[] newFactors = precisionCholesky.clone();
        precisionFactor(type, newCovariances, m * per, d, newFactors);
        return new GaussianParameters(type, k, d, weights, newMeans, newCovariances, newFactors);
    }

    /** The mixture without component m, the other weights renormalised to sum to 1. */
    GaussianParameters without(int m) {
        double[] w = remove(weights, m, 1);
        double total = Arrays.stream(w).sum();
        for (int j = 0; j < w.length; j++) {
            w[j] /= total;
        }
        int per = type == CovarianceType.TIED ? 0 : type.valuesPerComponent(d);
        return new GaussianParameters(type, k - 1, d, w, remove(means, m, d), remove(covariances, m, per),
                remove(precisionCholesky, m, per));
    }

    private static double[] remove(double[] a, int m, int width) {
        double[] out = new double[a.length - width];
        System.arraycopy(a, 0, out, 0, m * width);
        System.arraycopy(a, (m + 1) * width, out, m * width, a.length - (m + 1) * width);
        return out;
    }

    CovarianceType type() {
        return type;
    }

    int k() {
        return k;
    }

    int d() {
        return d;
    }

    double[] weights() {
        return weights;
    }

    double[] means() {
        return means;
    }

    double[] covariances() {
        return covariances;
    }

    double[] precisionCholesky() {
        return precisionCholesky;
    }

    double[] logWeights() {
        double[] out = new double[k];
        for (int m = 0; m < k; m++) {
            out[m] = Math.log(weights[m]);
        }
        return out;
    }

    /** log det P of each component: −½ log det Σ. */
    double[] logDetPrecisionCholesky() {
        return logDetPrecisionCholesky;
    }

    /** Where component m's precision factor starts in {@link #precisionCholesky()} (matrix types). */
    int matrixOffset(int m) {
        return type == CovarianceType.TIED ? 0 : m * d * d;
    }

    /** The diagonal precision factors as k×d (a spherical component's one value repeated d times). */
    double[] diagonalPrecisionCholesky() {
        if (type == CovarianceType.DIAG) {
            return precisionCholesky;
        }
        double[] out = new double[k * d];
        for (int m = 0; m < k; m++) {
            Arrays.fill(out, m * d, (m + 1) * d, precisionCholesky[m]);
        }
        return out;
    }

    private double[] logDeterminants() {
        double[] out = new double[k];
        for (int m = 0; m < k; m++) {
            double s = 0;
            switch (type) {
                case FULL, TIED -> {
                    int off = matrixOffset(m);
                    for (int j = 0; j < d; j++) {
                        s += Math.log(precisionCholesky[off + j * d + j]);
                    }
                }
                case DIAG -> {
                    for (int j = 0; j < d; j++) {
                        s += Math.log(precisionCholesky[m * d + j]);
                    }
                }
                case SPHERICAL -> s = d * Math.log(precisionCholesky[m]);
            }
            out[m] = s;
        }
        return out;
    }

    private static void precisionFactor(CovarianceType type, double[] covariances, int off, int d, double[] out) {
        if (type.isMatrix()) {
            double[] l;
            try {
                l = Cholesky.lower(covariances, off, d);
            } catch (IllegalArgumentException notPositiveDefinite) {
                throw new IllegalArgumentException(SINGULAR_COVARIANCE, notPositiveDefinite);
            }
            double[] inv = Cholesky.invertLower(l, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[off + i * d + j] = inv[j * d + i];
                }
            }
            return;
        }
        for (int j = off; j < off + type.valuesPerComponent(d); j++) {
            if (!(covariances[j] > 0)) {
                throw new IllegalArgumentException(SINGULAR_COVARIANCE);
            }
            out[j] = 1 / Math.sqrt(covariances[j]);
        }
    }

    private static double[] lowerFactorOfPrecision(double[] precisions, int off, int d) {
        try {
            return Cholesky.lower(precisions, off, d);
        } catch (IllegalArgumentException notPositiveDefinite) {
            throw new IllegalArgumentException("precisions_init must be symmetric positive-definite: "
                    + notPositiveDefinite.getMessage(), notPositiveDefinite);
        }
    }

    /** numpy's allclose(A, Aᵀ), as scikit-learn checks {@code precisions_init}. */
    private static void requireSymmetric(double[] a, int off, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double x = a[off + i * d + j];
                double y = a[off + j * d + i];
                if (!(Math.abs(x - y) <= 1e-8 + 1e-5 * Math.abs(y))) {
                    throw new IllegalArgumentException("precisions_init must be symmetric positive-definite: entry ("
                            + i + ", " + j + ") is " + x + " but (" + j + ", " + i + ") is " + y);
                }
            }
        }
    }
}
