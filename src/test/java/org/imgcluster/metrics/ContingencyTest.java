package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContingencyTest {
    // truth:    1 1 1 4 4 0 0
    // clusters: 9 9 2 2 2 9 7
    private final Contingency table = Contingency.of(new int[] {1, 1, 1, 4, 4, 0, 0}, new int[] {9, 9, 2, 2, 2, 9, 7});

    @Test
    void countsEachClusterAgainstEachLabelOverTheIdsThatOccur() {
        assertThat(table.clusterIds()).containsExactly(2, 7, 9);
        assertThat(table.labelIds()).containsExactly(0, 1, 4);
        assertThat(table.counts()).isEqualTo(new long[][] {
                {0, 1, 2},
                {1, 0, 0},
                {1, 2, 0}});
        assertThat(table.total()).isEqualTo(7);
        assertThat(table.clusterSizes()).containsExactly(3, 1, 3);
        assertThat(table.labelSizes()).containsExactly(2, 3, 2);
    }

    @Test
    void rowNormalisedRowsSumToOne() {
        double[][] shares = table.rowNormalised();
        assertThat(shares[0]).containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3}, within(1e-15));
        assertThat(shares[1]).containsExactly(1, 0, 0);
        assertThat(shares[2]).containsExactly(new double[] {1.0 / 3, 2.0 / 3, 0}, within(1e-15));
    }

    @Test
    void returnsCopiesSoTheTableStaysImmutable() {
        table.counts()[0][0] = 99;
        table.clusterIds()[0] = 99;
        assertThat(table.count(0, 0)).isZero();
        assertThat(table.clusterIds()[0]).isEqualTo(2);
    }
}
