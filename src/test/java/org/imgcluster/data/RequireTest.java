package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each check accepts its boundary, refuses the value just past it, NaN and infinities, as bad input in one line. */
class RequireTest {
    @Test
    void atLeastAcceptsTheMinimumAndRefusesOneLess() {
        assertThatCode(() -> Require.atLeast("k", 2, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Require.atLeast("k", 1, 2))
                .isInstanceOf(BadInputException.class).hasMessage("k = 1 must be ≥ 2");
        assertThatThrownBy(() -> Require.atLeast("budget_bytes", 3L, Float.BYTES))
                .isInstanceOf(BadInputException.class).hasMessage("budget_bytes = 3 must be ≥ 4");
    }

    @Test
    void positiveRefusesZeroNanAndInfinity() {
        assertThatCode(() -> Require.positive("gamma", Double.MIN_VALUE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Require.positive("gamma", 0))
                .isInstanceOf(BadInputException.class).hasMessage("gamma = 0.0 must be a positive number");
        assertThatThrownBy(() -> Require.positive("gamma", Double.NaN)).hasMessage("gamma = NaN must be a positive number");
        assertThatThrownBy(() -> Require.positive("gamma", Double.POSITIVE_INFINITY))
                .hasMessage("gamma = Infinity must be a positive number");
    }

    @Test
    void nonNegativeAcceptsZeroAndRefusesNegativeNanAndInfinity() {
        assertThatCode(() -> Require.nonNegative("tol", 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Require.nonNegative("tol", -1e-12))
                .isInstanceOf(BadInputException.class).hasMessage("tol = -1.0E-12 must be a finite number ≥ 0");
        assertThatThrownBy(() -> Require.nonNegative("tol", Double.NaN)).hasMessage("tol = NaN must be a finite number ≥ 0");
        assertThatThrownBy(() -> Require.nonNegative("tol", Double.POSITIVE_INFINITY))
                .hasMessage("tol = Infinity must be a finite number ≥ 0");
    }
}
