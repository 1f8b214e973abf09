package org.imgcluster.features;

import java.util.Arrays;

/**
 * The variance of the training data along each principal axis, all min(n, d) of them in decreasing order (what
 * scikit-learn's {@code PCA(n_components=None)} reports as {@code explained_variance_}), and what follows from it:
 * ratios, cumulative ratios, singular values, the noise variance left after the kept components. Immutable.
 */
public final class VarianceSpectrum {
    private final double[] variances;
    private final int nSamples;

    VarianceSpectrum(double[] variances, int nSamples) {
        this.variances = variances.clone();
        this.nSamples = nSamples;
    }

    /** The number of axes: min(n_samples, n_features). */
    public int size() {
        return variances.length;
    }

    public double[] variances() {
        return variances.clone();
    }

    double variance(int axis) {
        return variances[axis];
    }

    /** Each axis's share of the total variance (scikit-learn's {@code explained_variance_ratio_}). */
    public double[] ratios() {
        double total = Arrays.stream(variances).sum();
        return Arrays.stream(variances).map(v -> v / total).toArray();
    }

    /** Running sums of {@link #ratios()}, summed in order as numpy's {@code cumsum}. */
    public double[] cumulativeRatios() {
        double[] out = ratios();
        for (int k = 1; k < out.length; k++) {
            out[k] += out[k - 1];
        }
        return out;
    }

    /** The singular values of the centred data: √(variance · (n − 1)). */
    public double[] singularValues() {
        return Arrays.stream(variances).map(v -> Math.sqrt(v * (nSamples - 1))).toArray();
    }

    /** The mean variance of the axes after the first {@code kept}, 0 when none is left (probabilistic PCA's σ²). */
    public double noiseVariance(int kept) {
        return kept < variances.length ? Arrays.stream(variances, kept, variances.length).average().orElseThrow() : 0;
    }
}
