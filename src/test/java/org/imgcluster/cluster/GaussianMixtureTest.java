package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GaussianMixtureTest {
    private static final double[][] THREE_CENTERS = {{0, 0}, {10, 0}, {5, 9}};

    @Test
    void kMeansStartRecoversThreeSeparatedBlobs() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 150, 1.0, true, 11);
        GaussianMixtureModel model = GaussianMixture.of(3).withSeed(5).fit(blobs.points());

        assertThat(model.converged()).isTrue();
        assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).as("ARI 1").isTrue();
        for (double w : model.weights()) {
            assertThat(w).isCloseTo(1.0 / 3, within(1e-6));
        }
        assertThat(model.predict(blobs.points())).isEqualTo(model.labels());
    }

    @Test
    void everyCovarianceTypeSeparatesTheBlobs() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 150, 1.0, true, 12);
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixtureModel model = GaussianMixture.of(3).withCovarianceType(type.sklearnName()).withSeed(2)
                    .fit(blobs.points());
            assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).as(type.sklearnName()).isTrue();
        }
    }

    @Test
    void randomStartsSeparateTheBlobsGivenATighterTol() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 150, 1.0, true, 12);
        // Random responsibilities start every component near the overall mean, where the lower bound moves slowly:
        // the default tol would stop EM there, as in scikit-learn. (Tied covariances stay stuck there: all
        // components then share the data's covariance and means that differ by noise.)
        for (String type : new String[] {"full", "diag"}) {
            GaussianMixtureModel model = GaussianMixture.of(3).withCovarianceType(type).withInitParams("random")
                    .withTol(1e-6).withMaxIter(1000).withSeed(2).fit(blobs.points());
            assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).as(type).isTrue();
        }
    }

    @Test
    void sameSeedGivesIdenticalFits() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 100, 2.5, true, 13);
        for (String init : new String[] {"kmeans", "random"}) {
            GaussianMixture gmm = GaussianMixture.of(4).withInitParams(init).withSeed(99);
            GaussianMixtureModel first = gmm.fit(blobs.points());
            GaussianMixtureModel second = gmm.fit(blobs.points());
            assertThat(second.labels()).as(init).isEqualTo(first.labels());
            assertThat(second.lowerBound()).as(init).isEqualTo(first.lowerBound());
        }
        GaussianMixture random = GaussianMixture.of(4).withInitParams("random");
        assertThat(random.withSeed(1).fit(blobs.points()).lowerBound())
                .as("another seed starts elsewhere").isNotEqualTo(random.withSeed(2).fit(blobs.points()).lowerBound());
    }

    @Test
    void moreStartsNeverEndLower() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 100, 2.5, true, 14);
        GaussianMixture gmm = GaussianMixture.of(5).withInitParams("random").withSeed(3);
        double one = gmm.fit(blobs.points()).lowerBound();
        double five = gmm.withNInit(5).fit(blobs.points()).lowerBound();
        assertThat(five).isGreaterThanOrEqualTo(one);
    }

    @Test
    void statisticsCountScikitLearnsParameters() {
        GaussianBlobs blobs = GaussianBlobs.sample(THREE_CENTERS, 50, 1.0, true, 15);
        // d = 2, k = 3: means 6, weights 2, covariances full 9 / tied 3 / diag 6 / spherical 3.
        long[] expected = {17, 11, 14, 11};
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixtureModel model = GaussianMixture.of(3).withCovarianceType(type.sklearnName())
                    .fit(blobs.points());
            assertThat(model.numParameters()).as(type.sklearnName()).isEqualTo(expected[type.ordinal()]);
            double score = model.score(blobs.points());
            assertThat(model.statistics()).containsEntry("log_likelihood", score)
                    .containsEntry("bic", -2 * score * 150 + expected[type.ordinal()] * Math.log(150))
                    .containsEntry("aic", -2 * score * 150 + 2 * expected[type.ordinal()])
                    .containsKeys("lower_bound", "n_iter", "converged");
        }
    }

    @Test
    void fittedModelIsNotChangedThroughItsAccessors() {
        INDArray x = GaussianBlobs.sample(THREE_CENTERS, 50, 1.0, true, 16).points();
        GaussianMixtureModel model = GaussianMixture.of(3).fit(x);
        double[] weights = model.weights();
        weights[0] = 7;
        model.means().putScalar(0, 7.0);
        model.labels()[0] = 7;
        assertThat(model.weights()[0]).isNotEqualTo(7);
        assertThat(model.means().getDouble(0)).isNotEqualTo(7);
        assertThat(model.labels()[0]).isNotEqualTo(7);
    }

    @Test
    void collapsedComponentsAskToRaiseRegCovar() {
        // Two points repeated: every covariance is exactly 0 without reg_covar.
        float[] values = new float[40];
        for (int i = 0; i < 20; i++) {
            values[2 * i] = i % 2;
            values[2 * i + 1] = i % 2;
        }
        INDArray x = Nd4j.create(values, new long[] {20, 2}, DataType.FLOAT);
        assertOneLineError(() -> GaussianMixture.of(2).withRegCovar(0).fit(x), "increase reg_covar");
        assertThat(GaussianMixture.of(2).fit(x).converged()).as("the default reg_covar copes").isTrue();
    }

    @Test
    void badInputIsRejectedNamingTheParameterAndAllowedValues() {
        INDArray x = GaussianBlobs.sample(THREE_CENTERS, 2, 1.0, true, 17).points();
        assertOneLineError(() -> GaussianMixture.of(0), "n_components = 0 must be ≥ 1");
        assertOneLineError(() -> GaussianMixture.of(7).fit(x), "n_components = 7 is outside 1..6");
        assertOneLineError(() -> GaussianMixture.of(2).withCovarianceType("banana"),
                "covariance_type = 'banana' is unknown; allowed: full, tied, diag, spherical");
        assertOneLineError(() -> GaussianMixture.of(2).withInitParams("k-means++"),
                "init_params = 'k-means++' is unknown; allowed: kmeans, random");
        assertOneLineError(() -> GaussianMixture.of(2).withRegCovar(-1e-6),
                "reg_covar = -1.0E-6 must be a finite number ≥ 0");
        assertOneLineError(() -> GaussianMixture.of(2).withTol(-1), "tol = -1.0 must be a finite number ≥ 0");
        assertOneLineError(() -> GaussianMixture.of(2).withMaxIter(0), "max_iter = 0 must be ≥ 1");
        assertOneLineError(() -> GaussianMixture.of(2).withNInit(0), "n_init = 0 must be ≥ 1");
        INDArray withNaN = x.dup();
        withNaN.putScalar(3, 1, Float.NaN);
        assertOneLineError(() -> GaussianMixture.of(2).fit(withNaN), "features contain NaN at row 3, column 1");
        assertOneLineError(() -> GaussianMixture.of(2).withWeightsInit(new double[] {0.5, 0.6}).fit(x),
                "weights_init must sum to 1");
        assertOneLineError(() -> GaussianMixture.of(2).withMeansInit(Nd4j.zeros(DataType.DOUBLE, 3, 2)).fit(x),
                "means_init has shape [3, 2]; it must be [n_components, n_features] = [2, 2]");
        assertOneLineError(() -> GaussianMixture.of(2).withCovarianceType("diag")
                .withPrecisionsInit(Nd4j.valueArrayOf(new long[] {2, 2}, -1.0)).fit(x),
                "precisions_init must be positive");
        assertOneLineError(() -> GaussianMixture.of(2).withPrecisionsInit(
                Nd4j.create(new double[] {1, 2, 2, 1, 1, 0, 0, 1}, new long[] {2, 2, 2}, DataType.DOUBLE)).fit(x),
                "precisions_init must be symmetric positive-definite");
        GaussianMixtureModel model = GaussianMixture.of(2).fit(x);
        assertOneLineError(() -> model.predict(Nd4j.zeros(DataType.FLOAT, 1, 3)),
                "points to score have 3 features, the model 2");
    }

    private static void assertOneLineError(Supplier<?> call, String message) {
        assertThatThrownBy(call::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
