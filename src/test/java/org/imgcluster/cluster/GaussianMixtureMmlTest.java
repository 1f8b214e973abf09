package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GaussianMixtureMmlTest {

    @Test
    void findsFourComponentsIn2D() {
        GaussianBlobs blobs = GaussianBlobs.sample(new double[][] {{0, 0}, {9, 0}, {0, 9}, {9, 9}}, 250, 1.0, true, 21);
        GaussianMixtureModel model = GaussianMixtureMml.of(20).withSeed(1).fit(blobs.points());

        assertThat(model.numClusters()).isEqualTo(4);
        assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).isTrue();
        assertShortestMessageChosen(model);
    }

    @Test
    void findsSixComponentsIn5D() {
        double[][] centers = GaussianBlobs.separatedCenters(6, 5, 10, 22);
        GaussianBlobs blobs = GaussianBlobs.sample(centers, 200, 1.0, true, 23);
        GaussianMixtureModel model = GaussianMixtureMml.of(25).withSeed(2).fit(blobs.points());

        assertThat(model.numClusters()).isEqualTo(6);
        assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).isTrue();
        assertShortestMessageChosen(model);
    }

    @Test
    void diagonalCovariancesFindTheComponentsToo() {
        // Diagonal covariances model correlated blobs with extra components: these are axis-aligned.
        double[][] centers = {{0, 0}, {9, 0}, {0, 9}, {9, 9}};
        GaussianBlobs blobs = GaussianBlobs.sample(centers, 250, 1.0, false, 24);
        GaussianMixtureModel model = GaussianMixtureMml.of(20).withCovarianceType("diag").withSeed(3)
                .fit(blobs.points());

        assertThat(model.numClusters()).isEqualTo(4);
        assertThat(model.covariances().shape()).containsExactly(4, 2);
        assertThat(GaussianBlobs.samePartition(model.labels(), blobs.truth())).isTrue();
    }

    @Test
    void stopsAtKMinAndIsReproducible() {
        INDArray x = GaussianBlobs.sample(new double[][] {{0, 0}, {9, 0}, {0, 9}, {9, 9}}, 100, 1.0, true, 25).points();
        GaussianMixtureMml mml = GaussianMixtureMml.of(12).withKMin(3).withSeed(4);
        GaussianMixtureModel first = mml.fit(x);
        assertThat(first.messageLengths().firstKey()).isEqualTo(3);
        assertThat(mml.fit(x).labels()).isEqualTo(first.labels());
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> GaussianMixtureMml.of(10).withCovarianceType("tied"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("covariance_type = 'tied' has no per-component covariance; allowed: full, diag, spherical");
        assertThatThrownBy(() -> GaussianMixtureMml.of(3).withKMin(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k_max = 3 must be ≥ k_min = 4");
        INDArray few = GaussianBlobs.sample(new double[][] {{0, 0}}, 5, 1.0, true, 26).points();
        assertThatThrownBy(() -> GaussianMixtureMml.of(6).fit(few)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("k_max = 6 is outside 1..5");
        assertThatThrownBy(() -> GaussianMixtureMml.of(5).fit(few)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower k_max");
    }

    private static void assertShortestMessageChosen(GaussianMixtureModel model) {
        var path = model.messageLengths();
        assertThat(path.firstKey()).isEqualTo(1);
        double chosen = path.get(model.numClusters());
        assertThat(path.values()).allSatisfy(length -> assertThat(length).isGreaterThanOrEqualTo(chosen));
        assertThat(model.statistics()).containsEntry("message_length", chosen)
                .containsEntry("message_length_k=1", path.get(1));
    }
}
