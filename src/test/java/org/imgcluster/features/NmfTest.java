package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.imgcluster.linalg.Matrices;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NMF on {@link NmfFixture} against scikit-learn's float64 answer. The start is compared to 1e-5 (as PCA, see
 * {@link PcaTest}): one eigendecomposition and a few norms of values of order 1, which land within 7e-7 here. The fit
 * runs 130 iterations in float32, as scikit-learn's own loop does on float32 data, and scikit-learn's float32 fit lies
 * up to 1.6e-5 from its float64 answer (H; W 3e-6, transform 2e-6, error 9e-9: the script prints these), this one up to
 * 8e-6: W, H and the transform are compared to 5e-5, the error to 1e-6. A missed or extra iteration moves the factors
 * by more than that, and n_iter is compared exactly: its stopping ratio (9.92e-5 at 130, 1.0175e-4 at 129, tol 1e-4)
 * has a margin of 0.8 %, far above float32 noise.
 */
class NmfTest {
    private static final double START_TOL = 1e-5;
    private static final double FIT_TOL = 5e-5;
    private static final double ERROR_TOL = 1e-6;

    @Test
    void theFixtureIsTheScriptsData() {
        float[] x = NmfFixture.values(0, NmfFixture.N);
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        assertThat(x[0]).isEqualTo(NmfFixture.FIRST);
        assertThat(x[x.length - 1]).isEqualTo(NmfFixture.LAST);
        assertThat(sum).isCloseTo(NmfFixture.SUM, within(1e-9));
    }

    @Test
    void theNndsvdStartEqualsScikitLearns() {
        NmfFactors start = NmfInit.NNDSVD.start(NmfFixture.rows(), NmfFixture.K, 0);

        assertRows(pickW(start.w()), NmfFixture.NNDSVD_W, START_TOL, "nndsvd W");
        assertRows(h(start.h()), NmfFixture.NNDSVD_H, START_TOL, "nndsvd H");
        assertThat(zeros(start.w()) + zeros(start.h())).as("zeros").isEqualTo(NmfFixture.NNDSVD_ZEROS);
    }

    @Test
    void theNndsvdaStartEqualsScikitLearns() {
        NmfFactors start = NmfInit.NNDSVDA.start(NmfFixture.rows(), NmfFixture.K, 0);

        assertRows(pickW(start.w()), NmfFixture.NNDSVDA_W, START_TOL, "nndsvda W");
        assertRows(h(start.h()), NmfFixture.NNDSVDA_H, START_TOL, "nndsvda H");
        assertThat(zeros(start.w()) + zeros(start.h())).isZero();
    }

    @Test
    void nndsvdarFillsOnlyNndsvdsZerosWithSmallPositiveValues() {
        NmfFactors plain = NmfInit.NNDSVD.start(NmfFixture.rows(), NmfFixture.K, 0);
        NmfFactors filled = NmfInit.NNDSVDAR.start(NmfFixture.rows(), NmfFixture.K, 7);
        double mean = NmfFixture.SUM / (NmfFixture.N * NmfFixture.D);

        float[] before = concat(plain.w(), plain.h());
        float[] after = concat(filled.w(), filled.h());
        for (int q = 0; q < before.length; q++) {
            if (before[q] != 0) {
                assertThat(after[q]).as("value %d", q).isEqualTo(before[q]);
            } else {
                // |mean · N(0, 1) / 100| stays below mean / 20 unless the draw is beyond 5σ.
                assertThat(after[q]).as("value %d", q).isPositive().isLessThan((float) (mean / 20));
            }
        }
    }

    @Test
    void theRandomStartIsHalfNormalScaledByTheDataAndFixedBySeed() {
        NmfFactors a = NmfInit.RANDOM.start(NmfFixture.rows(), NmfFixture.K, 3);
        NmfFactors b = NmfInit.RANDOM.start(NmfFixture.rows(), NmfFixture.K, 3);
        NmfFactors c = NmfInit.RANDOM.start(NmfFixture.rows(), NmfFixture.K, 4);

        assertThat(a.w()).isEqualTo(b.w());
        assertThat(a.h()).isEqualTo(b.h());
        assertThat(a.w()).isNotEqualTo(c.w());
        float[] all = concat(a.w(), a.h());
        double sum = 0;
        for (float v : all) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
            sum += v;
        }
        // E|N(0, 1)| = √(2/π), sd √(1 − 2/π): the mean of 696 draws lies within 2.9 % of it at 1σ, 10 % at 3.5σ.
        double expected = Math.sqrt(NmfFixture.SUM / (NmfFixture.N * NmfFixture.D) / NmfFixture.K)
                * Math.sqrt(2 / Math.PI);
        assertThat(sum / all.length).isCloseTo(expected, within(0.1 * expected));
    }

    @Test
    void theFitEqualsScikitLearns() {
        NmfFactorization fit = Nmf.of(NmfFixture.K).fitTransform(NmfFixture.matrix());
        NmfModel model = fit.model();

        assertThat(model.nIter()).isEqualTo(NmfFixture.FIT_N_ITER);
        assertThat(model.reconstructionError()).isCloseTo(NmfFixture.FIT_ERROR, within(ERROR_TOL));
        assertRows(model.components(), NmfFixture.FIT_H, FIT_TOL, "components_");
        assertRows(pick(fit.features(), NmfFixture.ROWS), NmfFixture.FIT_W, FIT_TOL, "W");
        assertThat(model.outputDimension()).isEqualTo(NmfFixture.K);
        assertThat(model.inputDimension()).isEqualTo(NmfFixture.D);
        assertThat(model.nSamples()).isEqualTo(NmfFixture.N);
        assertThat(model.componentValues()).isEqualTo(Matrices.toFloatArray(model.components()));
    }

    @Test
    void theAcceleratedSolverStopsAsEarlyAtTheSameErrorWithFewerPassesOverTheData() {
        NmfModel accelerated = Nmf.of(NmfFixture.K).withSolver(NmfSolverKind.ACCELERATED_CD).fit(NmfFixture.matrix());

        // Same start and stopping rule as scikit-learn's 130 iterations; more sweeps per product, so fewer products.
        assertThat(accelerated.nIter()).isLessThan(NmfFixture.FIT_N_ITER / 2);
        assertThat(accelerated.reconstructionError())
                .isCloseTo(NmfFixture.FIT_ERROR, within(1e-3 * NmfFixture.FIT_ERROR));
        assertThat(accelerated.name()).isEqualTo("nmf(n_components=" + NmfFixture.K + ", solver=accelerated_cd)");
    }

    @Test
    void theErrorIsTheNormOfTheResidual() {
        NmfFactorization fit = Nmf.of(NmfFixture.K).fitTransform(NmfFixture.matrix());
        INDArray residual = NmfFixture.matrix().sub(fit.model().inverseTransform(fit.features()));

        assertThat(fit.model().reconstructionError())
                .isCloseTo(residual.castTo(DataType.DOUBLE).norm2Number().doubleValue(), within(1e-6));
    }

    @Test
    void newRowsTransformAsScikitLearnsAndReconstructByTheComponents() {
        NmfModel model = Nmf.of(NmfFixture.K).fit(NmfFixture.matrix());
        INDArray features = model.transform(NmfFixture.newRows());

        assertRows(features, NmfFixture.NEW_TRANSFORM, FIT_TOL, "transform");
        assertRows(model.inverseTransform(pick(features, new int[] {0})), new double[][] {NmfFixture.NEW_INVERSE_ROW0},
                FIT_TOL, "inverse_transform");
    }

    @ParameterizedTest
    @EnumSource(NmfInit.class)
    void everyStartConvergesToANonNegativeFactorisationNoWorseThanItsStart(NmfInit init) {
        NmfFactors start = init.start(NmfFixture.rows(), NmfFixture.K, 11);
        double startError = NmfReconstruction.error(NmfFixture.rows(), start);
        NmfFactorization fit = Nmf.of(NmfFixture.K).withInit(init).withSeed(11).fitTransform(NmfFixture.matrix());

        assertThat(fit.model().reconstructionError()).isLessThan(startError);
        // The planted parts explain all but noise of at most 0.02 per value: √(150·24)·0.02 = 1.2 bounds the error.
        assertThat(fit.model().reconstructionError()).isLessThan(1.2);
        assertThat(Arrays.stream(toDoubles(fit.model().componentValues())).min().orElseThrow()).isNotNegative();
        assertThat(Arrays.stream(toDoubles(Matrices.toFloatArray(fit.features()))).min().orElseThrow())
                .isNotNegative();
    }

    @Test
    void theNameListsTheParametersThatDifferFromTheDefaults() {
        assertThat(Nmf.of(10).name()).isEqualTo("nmf(n_components=10)");
        assertThat(Nmf.of(10).withInit("random").withMaxIter(300).withTol(1e-5).withSeed(42).name())
                .isEqualTo("nmf(n_components=10, init=random, max_iter=300, tol=1.0E-5, seed=42)");
        assertThat(NmfInit.parse(" NNDSVDar ")).isEqualTo(NmfInit.NNDSVDAR);
        assertThat(NmfSolverKind.parse("Accelerated_CD")).isEqualTo(NmfSolverKind.ACCELERATED_CD);
        assertThatThrownBy(() -> NmfSolverKind.parse("mu")).hasMessage("solver = 'mu' is not one of cd, accelerated_cd");
    }

    static void assertRows(INDArray actual, double[][] expected, double tol, String what) {
        assertThat(actual.rows()).as(what + " rows").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual.getRow(r).toDoubleVector()).as(what + " row " + r)
                    .containsExactly(expected[r], within(tol));
        }
    }

    private static INDArray pickW(float[] w) {
        return pick(NdArrays.matrix(w, NmfFixture.N, NmfFixture.K), NmfFixture.ROWS);
    }

    private static INDArray h(float[] h) {
        return NdArrays.matrix(h, NmfFixture.K, NmfFixture.D);
    }

    private static INDArray pick(INDArray x, int[] rows) {
        float[] all = Matrices.toFloatArray(x);
        int cols = (int) x.columns();
        float[] out = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(all, rows[r] * cols, out, r * cols, cols);
        }
        return NdArrays.matrix(out, rows.length, cols);
    }

    private static int zeros(float[] values) {
        int count = 0;
        for (float v : values) {
            count += v == 0 ? 1 : 0;
        }
        return count;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
