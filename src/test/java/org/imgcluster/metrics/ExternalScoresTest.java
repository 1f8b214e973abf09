package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every external score against scikit-learn 1.2.1 on the fixtures of sklearn_reference.py (see MetricFixtures). */
class ExternalScoresTest {
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.imgcluster.metrics.MetricFixtures#scored")
    void everyScoreEqualsScikitLearn(MetricFixtures.Scored f) {
        ExternalScores scores = ExternalScores.of(f.truth(), f.clusters());
        assertThat(scores.acc()).as("acc").isCloseTo(f.acc(), within(TOLERANCE));
        assertThat(scores.majorityAcc()).as("majority acc").isCloseTo(f.majority(), within(TOLERANCE));
        assertThat(scores.nmi()).as("nmi").isCloseTo(f.nmi(), within(TOLERANCE));
        assertThat(scores.ami()).as("ami").isCloseTo(f.ami(), within(TOLERANCE));
        assertThat(scores.ari()).as("ari").isCloseTo(f.ari(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.imgcluster.metrics.MetricFixtures#scored")
    void singleScoresEqualScikitLearn(MetricFixtures.Scored f) {
        assertThat(MutualInformation.mi(f.truth(), f.clusters())).as("mi").isCloseTo(f.mi(), within(TOLERANCE));
        assertThat(MutualInformation.nmi(f.truth(), f.clusters())).as("nmi").isCloseTo(f.nmi(), within(TOLERANCE));
        assertThat(MutualInformation.ami(f.truth(), f.clusters())).as("ami").isCloseTo(f.ami(), within(TOLERANCE));
        assertThat(RandIndex.ari(f.truth(), f.clusters())).as("ari").isCloseTo(f.ari(), within(TOLERANCE));
        assertThat(ClusterAccuracy.hungarian(f.truth(), f.clusters()).accuracy()).as("acc")
                .isCloseTo(f.acc(), within(TOLERANCE));
        assertThat(ClusterAccuracy.majority(f.truth(), f.clusters()).accuracy()).as("majority")
                .isCloseTo(f.majority(), within(TOLERANCE));
    }

    @Test
    void scoresAreSymmetricWhereScikitLearnsAre() {
        int[] clusters = MetricFixtures.lcgIds(200, 7, 3);
        int[] truth = MetricFixtures.TRUTH;
        assertThat(MutualInformation.nmi(clusters, truth)).isCloseTo(MutualInformation.nmi(truth, clusters),
                within(1e-12));
        assertThat(MutualInformation.ami(clusters, truth)).isCloseTo(MutualInformation.ami(truth, clusters),
                within(1e-12));
        assertThat(RandIndex.ari(clusters, truth)).isCloseTo(RandIndex.ari(truth, clusters), within(1e-12));
    }

    @Test
    void keepsTheContingencyTheScoresCameFrom() {
        ExternalScores scores = ExternalScores.of(new int[] {0, 0, 1}, new int[] {5, 5, 5});
        assertThat(scores.contingency().clusterIds()).containsExactly(5);
        assertThat(scores.contingency().counts()).isEqualTo(new long[][] {{2, 1}});
    }

    @Test
    void badLabelingsAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> ExternalScores.of(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("clusters has 1 ids");
        assertThatThrownBy(() -> ExternalScores.of(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("truth must be");
        assertThatThrownBy(() -> ExternalScores.of(new int[] {0, 1}, new int[] {0, -3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("clusters[1] = -3; ids must be ≥ 0");
        assertThatThrownBy(() -> RandIndex.ari(null, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("truth must be");
    }
}
