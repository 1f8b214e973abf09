package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PCA on the real MNIST and Fashion-MNIST training sets (60,000×784, pixels / 255) against scikit-learn 1.2.1: the
 * numbers come from {@code src/test/resources/features/sklearn_pca_reference.py}, which fits {@code PCA(0.95)} on the
 * same float32 matrix (and in float64, which agrees).
 */
class PcaRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(PcaRealDataTest.class);

    @Test
    void fashionMnistNeeds187ComponentsFor95PercentOfTheVariance() {
        INDArray x = train("fashion-mnist");
        long start = System.nanoTime();
        PcaModel model = Pca.ofVariance(0.95).fit(x);
        LOG.info("PCA(0.95) fit on Fashion-MNIST train {}×{}: {} ms", x.rows(), x.columns(),
                (System.nanoTime() - start) / 1_000_000);

        assertThat(model.nComponents()).isEqualTo(187);
        // scikit-learn: 0.2903923988342285 (float32 fit), 0.29039227855008 (float64 fit).
        assertThat(model.explainedVarianceRatio()[0]).isCloseTo(0.29039227855008, within(1e-4));
        // Its cumulative ratio at 187 is 0.9500039 (float64): 4e-6 above the target, so this also tests accuracy.
        assertThat(model.cumulativeVarianceRatio()[186]).isCloseTo(0.9500039105395085, within(1e-6));
        // The blocks of the transform land where they belong: each score column has the component's variance.
        double[] variances = model.transform(x).var(true, 0).toDoubleVector();
        assertThat(variances).containsExactly(model.explainedVariance(), within(1e-4));
    }

    @Test
    void mnistNeeds154ComponentsFor95PercentOfTheVariance() {
        PcaModel model = Pca.ofVariance(0.95).fit(train("mnist"));

        assertThat(model.nComponents()).isEqualTo(154);
        // scikit-learn: 0.09704668819904327 (float32 fit), 0.09704664383267286 (float64 fit).
        assertThat(model.explainedVarianceRatio()[0]).isCloseTo(0.09704664383267286, within(1e-4));
    }

    @Test
    void theFullFitKeepsAllComponentsOfFashionMnist() {
        INDArray x = train("fashion-mnist");
        Pca.of(10).fit(x); // warms up ND4J and LAPACK, so the time below is the fit's own
        long start = System.nanoTime();
        PcaModel model = Pca.all().fit(x);
        LOG.info("PCA() full fit on Fashion-MNIST train {}×{}: {} ms", x.rows(), x.columns(),
                (System.nanoTime() - start) / 1_000_000);

        assertThat(model.nComponents()).isEqualTo(784);
        // scikit-learn (float64): explained_variance_[0] = 19.809806137558002.
        assertThat(model.explainedVariance()[0]).isCloseTo(19.809806137558002, within(19.81 * 1e-5));
    }

    private static INDArray train(String dataset) {
        return PixelMatrix.of(TestData.split(dataset, "train"));
    }
}
