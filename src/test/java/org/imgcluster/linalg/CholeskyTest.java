package org.imgcluster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void lowerFactorOfAKnownMatrix() {
        // [[4, 2, 0], [2, 5, 3], [0, 3, 10]] = L·Lᵀ with L = [[2, 0, 0], [1, 2, 0], [0, 1.5, √7.75]].
        double[] a = {9, 4, 2, 0, 2, 5, 3, 0, 3, 10};
        double[] l = Cholesky.lower(a, 1, 3);
        double[] expected = {2, 0, 0, 1, 2, 0, 0, 1.5, Math.sqrt(7.75)};
        for (int t = 0; t < 9; t++) {
            assertThat(l[t]).as("L[%d]", t).isCloseTo(expected[t], within(1e-15));
        }
    }

    @Test
    void inverseOfLowerTimesItselfIsTheIdentity() {
        double[] l = Cholesky.lower(new double[] {4, 2, 0, 2, 5, 3, 0, 3, 10}, 0, 3);
        double[] inv = Cholesky.invertLower(l, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int t = 0; t < 3; t++) {
                    s += l[i * 3 + t] * inv[t * 3 + j];
                }
                assertThat(s).as("(L·L⁻¹)[%d,%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-15));
            }
            for (int j = i + 1; j < 3; j++) {
                assertThat(inv[i * 3 + j]).isZero();
            }
        }
    }

    @Test
    void rejectsMatricesThatAreNotPositiveDefinite() {
        assertThatThrownBy(() -> Cholesky.lower(new double[] {1, 2, 2, 1}, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("matrix is not positive definite");
        assertThatThrownBy(() -> Cholesky.lower(new double[] {0}, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cholesky.lower(new double[] {Double.NaN}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
