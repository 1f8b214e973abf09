package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * GaussianMixture against scikit-learn 1.2.1 (float64) on the fixture of {@link SklearnGmmReference}, from the same
 * starting parameters. Tolerances: our E-step and means are float32 GEMMs (ε ≈ 6e-8) and distances, with
 * scatter matrices, sums, factorisations and log-likelihoods in double, so each E/M step agrees with float64 to a few
 * ε, and EM's contraction keeps the differences from growing over the 10–24 iterations. Measured: parameters within
 * 3e-7 of their array's largest magnitude, log-likelihoods within 2.2e-7 relative, probabilities within 4e-7. The
 * bounds leave at least 4× headroom: parameters at 1e-5 of each array's largest magnitude (entries near zero, such
 * as off-diagonal covariances, have no meaningful relative error), log-likelihoods at 1e-6 relative, probabilities
 * at 1e-5 absolute. n_iter must be equal: the script placed each tol ≥ 10% away from the lower-bound changes around
 * it, three orders of magnitude beyond our error in the lower bound.
 */
class GaussianMixtureSklearnTest {
    private static final double PARAMETER_TOLERANCE = 1e-5;
    private static final double LIKELIHOOD_TOLERANCE = 1e-6;
    private static final double PROBABILITY_TOLERANCE = 1e-5;

    @ParameterizedTest(name = "{0}")
    @EnumSource(CovarianceType.class)
    void fittedParametersEqualScikitLearn(CovarianceType type) {
        SklearnGmmReference.Fit expected = SklearnGmmReference.of(type);
        GaussianMixtureModel model = SklearnGmmReference.model(type).fit(SklearnGmmReference.points());

        assertThat(model.converged()).isTrue();
        assertThat(model.nIter()).as("n_iter").isEqualTo(expected.nIter());
        assertCloseToScale(model.weights(), expected.weights(), "weights");
        assertCloseToScale(values(model.means()), expected.means(), "means");
        assertCloseToScale(values(model.covariances()), expected.covariances(), "covariances");
        assertCloseToScale(values(model.precisionsCholesky()), expected.precisionsCholesky(), "precisions_cholesky");
        assertThat(model.covariances().shape()).isEqualTo(type.shape(SklearnGmmReference.K, SklearnGmmReference.D));
        assertRelativelyClose(model.lowerBound(), expected.lowerBound(), "lower bound");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CovarianceType.class)
    void scoresAndPredictionsEqualScikitLearn(CovarianceType type) {
        SklearnGmmReference.Fit expected = SklearnGmmReference.of(type);
        INDArray x = SklearnGmmReference.points();
        GaussianMixtureModel model = SklearnGmmReference.model(type).fit(x);

        assertRelativelyClose(model.score(x), expected.score(), "score");
        assertRelativelyClose(model.bic(x), expected.bic(), "bic");
        assertRelativelyClose(model.aic(x), expected.aic(), "aic");
        assertThat(model.statistics()).containsEntry("log_likelihood", model.score(x))
                .containsEntry("bic", model.bic(x)).containsEntry("aic", model.aic(x))
                .containsEntry("n_iter", (double) expected.nIter()).containsEntry("converged", 1.0);
        assertThat(labelString(model.predict(x))).as("predict").isEqualTo(expected.labels());
        assertThat(labelString(model.labels())).as("fit labels").isEqualTo(expected.labels());

        double[] proba = values(model.predictProba(SklearnGmmReference.QUERIES));
        for (int t = 0; t < proba.length; t++) {
            assertThat(proba[t]).as("predict_proba[%d]", t).isCloseTo(expected.queryProba()[t],
                    within(PROBABILITY_TOLERANCE));
        }
        double[] scores = model.scoreSamples(SklearnGmmReference.QUERIES);
        for (int t = 0; t < scores.length; t++) {
            assertRelativelyClose(scores[t], expected.queryScores()[t], "score_samples[" + t + "]");
        }
    }

    private static void assertCloseToScale(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("%s[%d]", what, t).isCloseTo(expected[t], within(PARAMETER_TOLERANCE * scale));
        }
    }

    private static void assertRelativelyClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(LIKELIHOOD_TOLERANCE * Math.abs(expected)));
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static String labelString(int[] labels) {
        StringBuilder s = new StringBuilder();
        for (int label : labels) {
            s.append(label);
        }
        return s.toString();
    }
}
