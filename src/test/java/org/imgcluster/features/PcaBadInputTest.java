package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Distances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every bad hyper-parameter or input is refused in one line that names it and what is allowed. */
class PcaBadInputTest {
    private static final String ALLOWED = "a count ≥ 1, a variance target strictly between 0 and 1, or all";

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void aComponentCountBelowOneIsRefused(int count) {
        oneLine(() -> Pca.of(count), BadInputException.class).contains("n_components = " + count).contains(ALLOWED);
    }

    @Test
    void moreComponentsThanMinOfRowsAndColumnsIsRefusedAtFit() {
        oneLine(() -> Pca.of(17).fit(PcaFixture.matrix()), BadInputException.class)
                .contains("n_components = 17 is outside 1..16 (min(n_samples, n_features)");
        oneLine(() -> Pca.of(11).fit(PcaFixture.rows(10)), BadInputException.class)
                .contains("n_components = 11 is outside 1..10");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 1.5, -0.1, Double.NaN})
    void aVarianceTargetOutsideZeroToOneIsRefused(double target) {
        oneLine(() -> Pca.ofVariance(target), BadInputException.class)
                .contains("n_components = " + target).contains(ALLOWED);
    }

    @Test
    void nonFiniteTrainingDataIsRefusedWithItsPlace() {
        float[] x = PcaFixture.values();
        x[5 * PcaFixture.D + 3] = Float.NaN;
        oneLine(() -> Pca.of(2).fit(Distances.matrix(x, PcaFixture.N, PcaFixture.D)), IllegalArgumentException.class)
                .contains("training data").contains("NaN at row 5, column 3");
        x[5 * PcaFixture.D + 3] = Float.POSITIVE_INFINITY;
        oneLine(() -> Pca.of(2).fit(Distances.matrix(x, PcaFixture.N, PcaFixture.D)), IllegalArgumentException.class)
                .contains("Infinity at row 5, column 3");
    }

    @Test
    void transformingRowsOfAnotherWidthIsRefused() {
        PcaModel model = Pca.of(4).fit(PcaFixture.matrix());
        INDArray narrow = Distances.matrix(new float[5 * 15], 5, 15);

        oneLine(() -> model.transform(narrow), IllegalArgumentException.class)
                .contains("data to transform have 15 columns, pca(n_components=4) expects 16");
        oneLine(() -> model.inverseTransform(Distances.matrix(new float[6], 2, 3)), IllegalArgumentException.class)
                .contains("scores to invert have 3 columns, pca(n_components=4) expects 4");
    }

    @Test
    void oneTrainingRowIsRefused() {
        oneLine(() -> Pca.of(1).fit(PcaFixture.rows(1)), BadInputException.class).contains("at least 2 training rows");
    }

    @Test
    void whiteningAComponentOfZeroVarianceIsRefused() {
        float[] constant = new float[20 * 3];
        Arrays.fill(constant, 0.25f);

        oneLine(() -> Pca.all().withWhiten(true).fit(Distances.matrix(constant, 20, 3)), BadInputException.class)
                .contains("whiten = true, but component 1 of 3 has zero variance");
    }

    @Test
    void componentCountsParseAsTheyPrint() {
        assertThat(ComponentCount.parse("50")).isEqualTo(new ComponentCount.Fixed(50));
        assertThat(ComponentCount.parse(" 0.95 ")).isEqualTo(new ComponentCount.VarianceTarget(0.95));
        assertThat(ComponentCount.parse("ALL")).isEqualTo(new ComponentCount.All());
        assertThat(ComponentCount.parse(new ComponentCount.VarianceTarget(0.9).toString()))
                .isEqualTo(new ComponentCount.VarianceTarget(0.9));
        oneLine(() -> ComponentCount.parse("many"), BadInputException.class)
                .contains("n_components = 'many' is not " + ALLOWED);
        oneLine(() -> ComponentCount.parse("1.0"), BadInputException.class).contains("n_components = 1.0 must be");
    }

    /** Asserts that {@code call} throws {@code type} with a one-line message, and returns that message to check. */
    static AbstractStringAssert<?> oneLine(ThrowingCallable call, Class<? extends Throwable> type) {
        Throwable e = catchThrowable(call);
        assertThat(e).isInstanceOf(type);
        return assertThat(e.getMessage()).doesNotContain("\n");
    }
}
