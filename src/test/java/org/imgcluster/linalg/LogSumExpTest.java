package org.imgcluster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSumExpTest {
    @Test
    void rowsAddTheBiasAndStayFiniteForLargeValues() {
        double[] a = {0, Math.log(3), 1000, 1000, -2000, -2000};
        double[] lse = LogSumExp.rows(a, 2, new double[] {Math.log(0.5), Math.log(0.5)});
        // 0.5·1 + 0.5·3 = 2; 0.5·e^1000 twice = e^1000; the same far below.
        assertThat(lse[0]).isCloseTo(Math.log(2), within(1e-15));
        assertThat(lse[1]).isCloseTo(1000, within(1e-12));
        assertThat(lse[2]).isCloseTo(-2000, within(1e-12));
    }

    @Test
    void softmaxRowsNormaliseInPlaceAndReturnTheLogNormalisers() {
        double ninf = Double.NEGATIVE_INFINITY;
        double[] a = {1, 2, 3, ninf, 0, ninf, ninf, ninf, ninf};
        double[] lse = LogSumExp.softmaxRows(a, 3, new double[] {0, 0, 0});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(lse[0]).isCloseTo(Math.log(z), within(1e-15));
        assertThat(a[0]).isCloseTo(Math.exp(1) / z, within(1e-15));
        assertThat(a[2]).isCloseTo(Math.exp(3) / z, within(1e-15));
        assertThat(new double[] {a[3], a[4], a[5]}).containsExactly(0, 1, 0);
        assertThat(lse[1]).isZero();
        assertThat(lse[2]).isEqualTo(ninf);
        assertThat(new double[] {a[6], a[7], a[8]}).containsExactly(0, 0, 0);
    }

    @Test
    void largeMatricesGiveTheSameRowsAsOneAtATime() {
        int n = 5000;
        double[] a = new double[n * 4];
        for (int t = 0; t < a.length; t++) {
            a[t] = Math.sin(t) * 30;
        }
        double[] bias = {0.1, -0.2, 0.3, 0};
        double[] all = LogSumExp.rows(a, 4, bias);
        for (int i = 0; i < n; i += 499) {
            double[] row = {a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]};
            assertThat(all[i]).isEqualTo(LogSumExp.rows(row, 4, bias)[0]);
        }
    }
}
