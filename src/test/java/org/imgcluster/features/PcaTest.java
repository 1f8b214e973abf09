package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * PCA on {@link PcaFixture} against scikit-learn's float64 answer. Tolerance 1e-5: every step here rounds to float32
 * (unit roundoff 6e-8); for values of order 1, sums of 16–200 terms and eigen-gaps ≥ 0.05 between the kept components
 * the expected error is about 1e-6, and scikit-learn's own float32 fit lies 2e-7 to 2e-6 from its float64 answer (the
 * script prints this). A wrong divisor (n for n − 1 is 0.5 %), a flipped sign or a swapped component is off by far
 * more.
 */
class PcaTest {
    private static final double TOL = 1e-5;

    @Test
    void theFixtureIsTheScriptsData() {
        float[] x = PcaFixture.values();
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        assertThat(x[0]).isEqualTo(PcaFixture.FIRST);
        assertThat(x[x.length - 1]).isEqualTo(PcaFixture.LAST);
        assertThat(sum).isCloseTo(PcaFixture.SUM, within(1e-9));
    }

    @Test
    void componentsVariancesAndSingularValuesEqualScikitLearns() {
        PcaModel model = Pca.of(4).fit(PcaFixture.matrix());

        assertThat(model.nComponents()).isEqualTo(4);
        assertThat(model.outputDimension()).isEqualTo(4);
        assertThat(model.inputDimension()).isEqualTo(PcaFixture.D);
        assertRows(model.components(), PcaFixture.K4_COMPONENTS, "components_");
        assertThat(model.explainedVariance()).containsExactly(head(PcaFixture.ALL_EXPLAINED_VARIANCE, 4), within(TOL));
        assertThat(model.explainedVarianceRatio())
                .containsExactly(head(PcaFixture.ALL_EXPLAINED_VARIANCE_RATIO, 4), within(TOL));
        // Singular values are √(199 λ) ≈ 3..17: the same relative accuracy as the variances.
        for (int j = 0; j < 4; j++) {
            assertThat(model.singularValues()[j]).isCloseTo(PcaFixture.K4_SINGULAR_VALUES[j],
                    within(TOL * PcaFixture.K4_SINGULAR_VALUES[j]));
        }
        assertThat(model.noiseVariance()).isCloseTo(PcaFixture.K4_NOISE_VARIANCE, within(TOL));
        assertThat(model.name()).isEqualTo("pca(n_components=4)");
    }

    @Test
    void theFullSpectrumEqualsScikitLearns() {
        PcaModel model = Pca.all().fit(PcaFixture.matrix());

        assertThat(model.nComponents()).isEqualTo(PcaFixture.D);
        assertThat(model.explainedVariance()).containsExactly(PcaFixture.ALL_EXPLAINED_VARIANCE, within(TOL));
        assertThat(model.explainedVarianceRatio())
                .containsExactly(PcaFixture.ALL_EXPLAINED_VARIANCE_RATIO, within(TOL));
        assertThat(model.cumulativeVarianceRatio()[PcaFixture.D - 1]).isCloseTo(1.0, within(1e-12));
        assertThat(model.noiseVariance()).isZero();
    }

    @Test
    void transformAndInverseTransformEqualScikitLearns() {
        PcaModel model = Pca.of(4).fit(PcaFixture.matrix());
        INDArray scores = model.transform(PcaFixture.matrix());

        assertThat(scores.shape()).containsExactly(PcaFixture.N, 4);
        assertRows(pick(scores, PcaFixture.ROWS), PcaFixture.K4_TRANSFORM, "transform");
        assertRows(model.inverseTransform(pick(scores, PcaFixture.ROWS)), PcaFixture.K4_INVERSE, "inverse_transform");
    }

    @Test
    void whitenedTransformAndItsInverseEqualScikitLearns() {
        PcaModel model = Pca.of(4).withWhiten(true).fit(PcaFixture.matrix());
        INDArray scores = model.transform(PcaFixture.matrix());

        assertRows(pick(scores, PcaFixture.ROWS), PcaFixture.K4_WHITE_TRANSFORM, "whitened transform");
        assertRows(model.inverseTransform(pick(scores, PcaFixture.ROWS)), PcaFixture.K4_WHITE_INVERSE,
                "whitened inverse_transform");
        // Whitened training scores have unit variance (divisor n − 1) on every component.
        double[] variance = scores.var(true, 0).toDoubleVector();
        assertThat(variance).containsExactly(new double[] {1, 1, 1, 1}, within(TOL));
        assertThat(model.name()).isEqualTo("pca(n_components=4, whiten=true)");
    }

    @Test
    void aVarianceTargetKeepsTheFewestComponentsThatExceedIt() {
        PcaModel at95 = Pca.ofVariance(0.95).fit(PcaFixture.matrix());
        PcaModel at99 = Pca.ofVariance(0.99).fit(PcaFixture.matrix());

        assertThat(at95.nComponents()).isEqualTo(PcaFixture.COUNT_FOR_95);
        assertThat(at99.nComponents()).isEqualTo(PcaFixture.COUNT_FOR_99);
        assertThat(at95.cumulativeVarianceRatio()[at95.nComponents() - 1]).isGreaterThan(0.95);
        assertThat(at95.cumulativeVarianceRatio()[at95.nComponents() - 2]).isLessThanOrEqualTo(0.95);
        assertThat(at95.name()).isEqualTo("pca(n_components=0.95)");
    }

    @Test
    void fewerRowsThanColumnsTakeTheGramPathAndStillEqualScikitLearn() {
        INDArray tenRows = PcaFixture.rows(10);
        PcaModel three = Pca.of(3).fit(tenRows);
        PcaModel all = Pca.all().fit(tenRows);

        assertRows(three.components(), PcaFixture.GRAM_COMPONENTS, "components_");
        assertRows(three.transform(pick(tenRows, new int[] {0, 9})), PcaFixture.GRAM_TRANSFORM, "transform");
        assertThat(all.nComponents()).isEqualTo(10);
        assertThat(all.explainedVariance()).containsExactly(PcaFixture.GRAM_EXPLAINED_VARIANCE, within(TOL));
    }

    @Test
    void componentsAreOrthonormal() {
        INDArray c = Pca.all().fit(PcaFixture.matrix()).components();
        INDArray gram = c.mmul(c.transpose());

        assertThat(gram.sub(Nd4j.eye(PcaFixture.D)).amaxNumber().doubleValue()).isLessThan(TOL);
    }

    static void assertRows(INDArray actual, double[][] expected, String what) {
        assertThat(actual.rows()).as(what + " rows").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual.getRow(r).toDoubleVector()).as(what + " row " + r)
                    .containsExactly(expected[r], within(TOL));
        }
    }

    private static INDArray pick(INDArray x, int[] rows) {
        return x.get(NDArrayIndex.indices(Arrays.stream(rows).mapToLong(r -> r).toArray()), NDArrayIndex.all());
    }

    private static double[] head(double[] values, int k) {
        return Arrays.copyOf(values, k);
    }
}
