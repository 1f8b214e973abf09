package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Edge cases of scikit-learn's definitions; the fixture values are in ExternalScoresTest. */
class MutualInformationTest {
    @Test
    void aSingleClusterAgainstSeveralClassesCarriesNoInformation() {
        int[] truth = {0, 1, 2, 0, 1, 2};
        int[] one = {3, 3, 3, 3, 3, 3};
        assertThat(MutualInformation.mi(truth, one)).isZero();
        assertThat(MutualInformation.nmi(truth, one)).isZero();
        assertThat(MutualInformation.ami(truth, one)).isZero();
    }

    @Test
    void aSingleClusterAgainstASingleClassIsAPerfectMatch() {
        int[] one = {1, 1, 1};
        assertThat(MutualInformation.nmi(one, one)).isEqualTo(1.0);
        assertThat(MutualInformation.ami(one, one)).isEqualTo(1.0);
        assertThat(MutualInformation.mi(one, one)).isZero();
    }

    @Test
    void everyPointInItsOwnClusterGetsFullNmiButNoAmi() {
        int[] truth = {0, 0, 0, 0};
        int[] alone = {0, 1, 2, 3};
        // scikit-learn docstring: adjusted_mutual_info_score([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
        assertThat(MutualInformation.ami(truth, alone)).isCloseTo(0.0, within(1e-12));
        assertThat(MutualInformation.nmi(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isCloseTo(1.0,
                within(1e-12));
    }

    @Test
    void miOfAPerfectMatchIsTheEntropy() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2, 2};
        double entropy = -(2 * 0.25 * Math.log(0.25) + 0.5 * Math.log(0.5));
        assertThat(MutualInformation.mi(labels, labels)).isCloseTo(entropy, within(1e-12));
    }
}
