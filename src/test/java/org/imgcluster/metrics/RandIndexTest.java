package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class RandIndexTest {
    @Test
    void matchesScikitLearnDocstringExamples() {
        assertThat(RandIndex.ari(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2})).isCloseTo(0.5714285714285714,
                within(1e-12));
        assertThat(RandIndex.ari(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        assertThat(RandIndex.ari(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(-0.5, within(1e-12));
        assertThat(RandIndex.ari(new int[] {0, 1, 2}, new int[] {5, 6, 7})).isEqualTo(1.0);
    }

    /** Pair-count products pass Long.MAX_VALUE at this size; the exact textbook formula in BigInteger must agree. */
    @Test
    void staysExactWherePairProductsOverflowLong() {
        int n = 120_000;
        int[] truth = MetricFixtures.lcgIds(n, 10, 21);
        int[] clusters = MetricFixtures.noisy(truth, 12, 22);
        assertThat(RandIndex.ari(truth, clusters)).isCloseTo(textbookAri(Contingency.of(truth, clusters)),
                within(1e-12));
    }

    /** (Σ C(nij,2) − Σ C(ai,2)·Σ C(bj,2)/C(n,2)) / (½(Σ C(ai,2) + Σ C(bj,2)) − Σ C(ai,2)·Σ C(bj,2)/C(n,2)). */
    private static double textbookAri(Contingency table) {
        BigInteger index = BigInteger.ZERO;
        BigInteger rows = BigInteger.ZERO;
        BigInteger columns = BigInteger.ZERO;
        for (int i = 0; i < table.numClusters(); i++) {
            for (int j = 0; j < table.numLabels(); j++) {
                index = index.add(pairs(table.count(i, j)));
            }
        }
        for (long a : table.clusterSizes()) {
            rows = rows.add(pairs(a));
        }
        for (long b : table.labelSizes()) {
            columns = columns.add(pairs(b));
        }
        MathContext context = MathContext.DECIMAL128;
        BigDecimal expected = new BigDecimal(rows.multiply(columns)).divide(new BigDecimal(pairs(table.total())),
                context);
        BigDecimal max = new BigDecimal(rows.add(columns)).divide(BigDecimal.valueOf(2), context);
        return new BigDecimal(index).subtract(expected).divide(max.subtract(expected), context).doubleValue();
    }

    private static BigInteger pairs(long m) {
        return BigInteger.valueOf(m).multiply(BigInteger.valueOf(m - 1)).shiftRight(1);
    }
}
