package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NMF on the real Fashion-MNIST training set (60,000×784, pixels / 255) against scikit-learn 1.2.1's
 * {@code NMF(10, random_state=42, max_iter=300)} on the same float32 matrix, the fit the benchmark compares: the
 * numbers come from {@code src/test/resources/features/sklearn_nmf_reference.py}.
 */
class NmfRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(NmfRealDataTest.class);

    /**
     * ‖X − W·H‖_F of scikit-learn's fit (223 iterations), computed in float64 from its float32 W and H. Its own
     * {@code reconstruction_err_}, 1116.7675, is summed in float32 and 6e-4 too low, so it is not the number to
     * beat. This fit runs the same 223 iterations from the same start and lands within float32 rounding of it (3e-9
     * relative when measured), so it must reach it to 2e-8: five times less than the last iteration improves the error
     * (1.0e-7, from 1117.47410 after 222 iterations to 1117.47399 after 223).
     */
    private static final double SKLEARN_ERROR = 1117.4739877457073;
    private static final double ROUNDING = 2e-8;

    @Test
    void fashionMnistNmf10ReconstructsAtLeastAsWellAsScikitLearn() {
        INDArray x = PixelMatrix.of(TestData.split("fashion-mnist", "train"));
        long start = System.nanoTime();
        NmfModel model = Nmf.of(10).withMaxIter(300).withSeed(42).fit(x);
        LOG.info("NMF(10, max_iter=300) fit on Fashion-MNIST train {}×{}: {} ms, {} iterations, error {}", x.rows(),
                x.columns(), (System.nanoTime() - start) / 1_000_000, model.nIter(), model.reconstructionError());

        assertThat(model.reconstructionError()).isLessThanOrEqualTo(SKLEARN_ERROR * (1 + ROUNDING));

        // The benchmark's solver: the same stopping rule after 80 products instead of 223 (measured), at an error
        // 7e-6 above scikit-learn's: the rule stops each at about the same violation, not the same error.
        start = System.nanoTime();
        NmfModel accelerated = Nmf.of(10).withSolver(NmfSolverKind.ACCELERATED_CD).withMaxIter(300).withSeed(42).fit(x);
        LOG.info("the same with solver accelerated_cd: {} ms, {} iterations, error {}",
                (System.nanoTime() - start) / 1_000_000, accelerated.nIter(), accelerated.reconstructionError());
        assertThat(accelerated.nIter()).isLessThan(model.nIter() / 2);
        assertThat(accelerated.reconstructionError()).isLessThanOrEqualTo(SKLEARN_ERROR * (1 + 1e-5));
    }
}
