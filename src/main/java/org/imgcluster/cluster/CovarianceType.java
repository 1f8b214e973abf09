package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shape of a Gaussian mixture's covariances, as scikit-learn's {@code covariance_type}. */
public enum CovarianceType {
    /** Each component has its own full covariance matrix. */
    FULL,
    /** All components share one full covariance matrix. */
    TIED,
    /** Each component has its own diagonal covariance matrix. */
    DIAG,
    /** Each component has its own single variance. */
    SPHERICAL;

    /** The scikit-learn name ("full", "tied", "diag", "spherical"), case-insensitive. */
    public static CovarianceType parse(String name) {
        for (CovarianceType t : values()) {
            if (t.sklearnName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("covariance_type = '" + name + "' is unknown; allowed: "
                + allowed(values()));
    }

    static String allowed(CovarianceType... types) {
        return Arrays.stream(types).map(CovarianceType::sklearnName).collect(Collectors.joining(", "));
    }

    public String sklearnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the covariances are matrices (full, tied) rather than diagonals (diag, spherical). */
    boolean isMatrix() {
        return this == FULL || this == TIED;
    }

    /** scikit-learn's {@code _n_parameters}: weights (k − 1), means (k·d) and the covariances' free values. */
    long freeParameters(int k, int d) {
        long matrix = (long) d * (d + 1) / 2;
        long covariance = switch (this) {
            case FULL -> k * matrix;
            case TIED -> matrix;
            case DIAG -> (long) k * d;
            case SPHERICAL -> k;
        };
        return covariance + (long) k * d + k - 1;
    }

    /** Free parameters of one component (mean and covariance; undefined for tied): N of the MML criterion. */
    int componentParameters(int d) {
        return switch (this) {
            case FULL -> d + d * (d + 1) / 2;
            case DIAG -> 2 * d;
            case SPHERICAL -> d + 1;
            case TIED -> throw new IllegalStateException("tied covariances are shared, not per component");
        };
    }

    /** How many values one component's covariance holds in the flat layout (tied: the one shared matrix). */
    int valuesPerComponent(int d) {
        return switch (this) {
            case FULL, TIED -> d * d;
            case DIAG -> d;
            case SPHERICAL -> 1;
        };
    }

    /** scikit-learn's array shape of the covariances (or precisions) of k components in d dimensions. */
    long[] shape(int k, int d) {
        return switch (this) {
            case FULL -> new long[] {k, d, d};
            case TIED -> new long[] {d, d};
            case DIAG -> new long[] {k, d};
            case SPHERICAL -> new long[] {k};
        };
    }
}
