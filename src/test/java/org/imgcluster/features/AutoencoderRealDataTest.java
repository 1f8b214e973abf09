package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.imgcluster.TestData;
import org.imgcluster.cluster.KMeans;
import org.imgcluster.cluster.KMeansModel;
import org.imgcluster.data.ImageSet;
import org.imgcluster.metrics.MutualInformation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fashion-MNIST report's experiment end to end: its autoencoder (dense32 with its defaults: 60 epochs, batch
 * 2,056, seed 42) trained on the 60,000 training images with the test split as validation, k-means (k = 10, 10
 * restarts) fitted on the training codes, the test images assigned. The report gives NMI 0.5323 on the test split.
 */
class AutoencoderRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(AutoencoderRealDataTest.class);

    @Test
    void aeCodesPlusKMeansReachTheReportsNmiOnTheTestSplit() {
        ImageSet train = TestData.split("fashion-mnist", "train");
        ImageSet test = TestData.split("fashion-mnist", "test");
        INDArray x = PixelMatrix.of(train);
        INDArray xTest = PixelMatrix.of(test);
        long start = System.nanoTime();
        AutoencoderModel model = Autoencoder.dense32().fit(x, xTest, TrainingRun.none());
        KMeansModel kmeans = KMeans.of(10).withNInit(10).withSeed(42).fit(model.transform(x));
        double nmi = MutualInformation.nmi(test.labels(), kmeans.predict(model.transform(xTest)));
        LOG.info("dense32 (60 epochs) + k-means on Fashion-MNIST: test NMI {} ({} s)", nmi,
                (System.nanoTime() - start) / 1_000_000_000);

        // Measured 0.5611 (train 0.5654); with L2 on the code layer's weights instead it was 0.5196.
        assertThat(nmi).isGreaterThanOrEqualTo(0.5323);
    }
}
