package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.imgcluster.TestData;
import org.imgcluster.cluster.KMeans;
import org.imgcluster.data.ImageSet;
import org.imgcluster.metrics.MutualInformation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UMAP on real data, as the notebooks use it: the 10,000 MNIST test images (pixels / 255), PCA to 50 dimensions, UMAP
 * to 2, then k-means with 10 clusters. umap-learn 0.5.3 with scikit-learn 1.2.1's PCA and KMeans(n_init=10) reach NMI
 * 0.8443, 0.8470 and 0.8453 for seeds 42, 0 and 1 ({@code src/test/resources/features/umap_mnist_reference.py});
 * we ask for 0.75, the brief's bar, as the two differ in neighbours (exact here, NN-descent there) and random streams.
 */
class UmapRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(UmapRealDataTest.class);

    @Test
    void kMeansOnUmapOfMnistTestFindsTheDigits() {
        ImageSet images = TestData.split("mnist", "test");
        INDArray pixels = PixelMatrix.of(images);
        INDArray pca50 = Pca.of(50).fit(pixels).transform(pixels);

        long start = System.nanoTime();
        Embedding embedding = Umap.of(2).withSeed(42).fit(pca50);
        long umapMillis = (System.nanoTime() - start) / 1_000_000;
        int[] clusters = KMeans.of(10).withNInit(10).withSeed(42).fit(embedding.coordinates()).labels();
        double nmi = MutualInformation.nmi(images.labels(), clusters);
        LOG.info("UMAP of MNIST test PCA-50 (10,000 points): {} ms; k-means(10) NMI {}", umapMillis, nmi);

        assertThat(nmi).isGreaterThanOrEqualTo(0.75);
    }
}
