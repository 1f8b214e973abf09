package org.imgcluster.features;

import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.util.Arrays;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad hyper-parameter or input is refused in one line that names it and what is allowed. */
class NmfBadInputTest {
    @ParameterizedTest
    @ValueSource(ints = {0, -2})
    void aComponentCountBelowOneIsRefused(int count) {
        oneLine(() -> Nmf.of(count), BadInputException.class)
                .isEqualTo("n_components = " + count + " must be ≥ 1 and ≤ min(n_samples, n_features) of the "
                        + "training data");
    }

    @Test
    void moreComponentsThanMinOfRowsAndColumnsIsRefusedAtFit() {
        oneLine(() -> Nmf.of(25).fit(NmfFixture.matrix()), BadInputException.class)
                .isEqualTo("n_components = 25 is outside 1..24 (min(n_samples, n_features) of the training data)");
        oneLine(() -> Nmf.of(6).fit(NdArrays.matrix(NmfFixture.values(0, 5), 5, NmfFixture.D)),
                BadInputException.class).contains("n_components = 6 is outside 1..5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"svd", "", "nndsvd-a", "custom"})
    void anUnknownInitIsRefusedWithTheAllowedNames(String name) {
        oneLine(() -> Nmf.of(2).withInit(name), BadInputException.class)
                .isEqualTo("init = '" + name + "' is not one of nndsvda, nndsvd, nndsvdar, random");
    }

    @Test
    void badIterationLimitsAndTolerancesAreRefused() {
        oneLine(() -> Nmf.of(2).withMaxIter(0), BadInputException.class).isEqualTo("max_iter = 0 must be ≥ 1");
        oneLine(() -> Nmf.of(2).withTol(-1e-4), BadInputException.class)
                .isEqualTo("tol = -1.0E-4 must be a finite number ≥ 0");
        oneLine(() -> Nmf.of(2).withTol(Double.NaN), BadInputException.class)
                .isEqualTo("tol = NaN must be a finite number ≥ 0");
    }

    @Test
    void aNegativeValueIsRefusedWithItsPlace() {
        float[] x = NmfFixture.values(0, NmfFixture.N);
        x[7 * NmfFixture.D + 5] = -0.25f;

        oneLine(() -> Nmf.of(2).fit(NdArrays.matrix(x, NmfFixture.N, NmfFixture.D)), BadInputException.class)
                .isEqualTo("NMF needs non-negative input, but the training data have -0.25 at row 7, column 5");
        NmfModel model = Nmf.of(2).fit(NmfFixture.matrix());
        oneLine(() -> model.transform(NdArrays.matrix(Arrays.copyOf(x, 10 * NmfFixture.D), 10, NmfFixture.D)),
                BadInputException.class)
                .isEqualTo("NMF needs non-negative input, but the data to transform have -0.25 at row 7, column 5");
    }

    @Test
    void nonFiniteTrainingDataIsRefusedWithItsPlace() {
        float[] x = NmfFixture.values(0, NmfFixture.N);
        x[3 * NmfFixture.D + 2] = Float.NaN;

        oneLine(() -> Nmf.of(2).fit(NdArrays.matrix(x, NmfFixture.N, NmfFixture.D)), IllegalArgumentException.class)
                .contains("training data").contains("NaN at row 3, column 2");
    }

    @Test
    void rowsOfAnotherWidthAreRefused() {
        NmfModel model = Nmf.of(3).fit(NmfFixture.matrix());

        oneLine(() -> model.transform(NdArrays.matrix(new float[4 * 23], 4, 23)), IllegalArgumentException.class)
                .isEqualTo("data to transform have 23 columns, nmf(n_components=3) expects 24");
        oneLine(() -> model.inverseTransform(NdArrays.matrix(new float[4], 2, 2)), IllegalArgumentException.class)
                .isEqualTo("features to invert have 2 columns, nmf(n_components=3) expects 3");
    }
}
