package org.imgcluster.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted Gaussian mixture (by {@link GaussianMixture} or {@link GaussianMixtureMml}): weights, means, covariances
 * and precision Cholesky factors in scikit-learn's shapes (double), training labels, and the densities of new points.
 * Immutable; every accessor returns a copy.
 */
public final class GaussianMixtureModel implements Clustering {
    private final GaussianParameters parameters;
    private final int[] labels;
    private final int trainingSize;
    private final double trainingScore;
    private final double lowerBound;
    private final int nIter;
    private final boolean converged;
    private final NavigableMap<Integer, Double> messageLengths;

    GaussianMixtureModel(GaussianParameters parameters, MixturePosterior training, double lowerBound, int nIter,
                         boolean converged, NavigableMap<Integer, Double> messageLengths) {
        this.parameters = parameters;
        this.labels = training.labels();
        this.trainingSize = training.logLikelihoods().length;
        this.trainingScore = training.meanLogLikelihood();
        this.lowerBound = lowerBound;
        this.nIter = nIter;
        this.converged = converged;
        this.messageLengths = Collections.unmodifiableNavigableMap(new TreeMap<>(messageLengths));
    }

    public CovarianceType covarianceType() {
        return parameters.type();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int numClusters() {
        return parameters.k();
    }

    /** The means. */
    @Override
    public Optional<INDArray> centers() {
        return Optional.of(means());
    }

    public double[] weights() {
        return parameters.weights().clone();
    }

    /** k×d. */
    public INDArray means() {
        return array(parameters.means(), parameters.k(), parameters.d());
    }

    /** k×d×d (full), d×d (tied), k×d (diag) or k (spherical), as scikit-learn's {@code covariances_}. */
    public INDArray covariances() {
        return array(parameters.covariances(), parameters.type().shape(parameters.k(), parameters.d()));
    }

    /** P with P·Pᵀ = Σ⁻¹, in the covariances' shape, as scikit-learn's {@code precisions_cholesky_}. */
    public INDArray precisionsCholesky() {
        return array(parameters.precisionCholesky(), parameters.type().shape(parameters.k(), parameters.d()));
    }

    /** Whether the chosen EM run stopped on {@code tol} rather than {@code max_iter}. */
    public boolean converged() {
        return converged;
    }

    /** EM iterations of the chosen run (for the MML variant: CEM² sweeps over the whole search). */
    public int nIter() {
        return nIter;
    }

    /** The mean per-point log-likelihood at the last E-step of the chosen run (scikit-learn's {@code lower_bound_}). */
    public double lowerBound() {
        return lowerBound;
    }

    /** Message length by number of components along the MML search (empty for plain EM). */
    public NavigableMap<Integer, Double> messageLengths() {
        return messageLengths;
    }

    /** scikit-learn's {@code _n_parameters}. */
    public long numParameters() {
        return parameters.type().freeParameters(parameters.k(), parameters.d());
    }

    /**
     * log_likelihood (the mean per-point log-likelihood of the training data, scikit-learn's {@code score}), bic, aic
     * (on the training data), lower_bound, n_iter, converged (1 or 0); after MML also message_length (of the chosen
     * mixture) and message_length_k=&lt;k&gt; for each k on the path.
     */
    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("log_likelihood", trainingScore);
        stats.put("bic", bic(trainingScore, trainingSize));
        stats.put("aic", aic(trainingScore, trainingSize));
        stats.put("lower_bound", lowerBound);
        stats.put("n_iter", (double) nIter);
        stats.put("converged", converged ? 1.0 : 0.0);
        if (!messageLengths.isEmpty()) {
            stats.put("message_length", messageLengths.get(parameters.k()));
            messageLengths.forEach((k, length) -> stats.put("message_length_k=" + k, length));
        }
        return stats;
    }

    @Override
    public boolean canPredict() {
        return true;
    }

    /** The most probable component of each row. */
    @Override
    public int[] predict(INDArray x) {
        return posterior(x).labels();
    }

    /** n×k probabilities of each component given each row (double). */
    public INDArray predictProba(INDArray x) {
        return array(posterior(x).responsibilities(), x.rows(), parameters.k());
    }

    /** log p(x) of each row under the mixture. */
    public double[] scoreSamples(INDArray x) {
        return posterior(x).logLikelihoods();
    }

    /** The mean of {@link #scoreSamples}. */
    public double score(INDArray x) {
        return posterior(x).meanLogLikelihood();
    }

    /** −2·n·score + p·ln n, as scikit-learn (lower is better). */
    public double bic(INDArray x) {
        return bic(score(x), x.rows());
    }

    /** −2·n·score + 2·p, as scikit-learn (lower is better). */
    public double aic(INDArray x) {
        return aic(score(x), x.rows());
    }

    private double bic(double score, long n) {
        return -2 * score * n + numParameters() * Math.log(n);
    }

    private double aic(double score, long n) {
        return -2 * score * n + 2 * numParameters();
    }

    private MixturePosterior posterior(INDArray x) {
        MixtureData data = MixtureData.of(x, "points to score");
        if (data.d() != parameters.d()) {
            throw new IllegalArgumentException("points to score have " + data.d() + " features, the model "
                    + parameters.d());
        }
        return new GaussianLogDensities(data).posterior(parameters);
    }

    private static INDArray array(double[] values, long... shape) {
        return Nd4j.create(values.clone(), shape, DataType.DOUBLE);
    }
}
