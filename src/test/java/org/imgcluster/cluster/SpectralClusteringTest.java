package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.cluster.ClusterFixtures.assertRefusedInOneLine;
import static org.imgcluster.cluster.ClusterFixtures.assertSamePartition;
import static org.imgcluster.cluster.ClusterFixtures.digits;

import org.imgcluster.metrics.RandIndex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reference labels and eigenvalues from src/test/resources/cluster/sklearn_agglomerative_spectral_reference.py
 * (scikit-learn 1.2.1).
 */
class SpectralClusteringTest {
    private static final INDArray BLOBS = ClusterFixtures.blobs(300, 0.7).x();

    /**
     * SpectralClustering(5, affinity='nearest_neighbors', random_state=0).fit(x).labels_; seeds 0..9 all give this
     * partition there, so it does not hang on k-means' random start or on the eigen-solver's signs.
     */
    private static final String SKLEARN_NEAREST_NEIGHBORS =
            "4103221213422122220044011242101231134212433242404141211222013311421422324242210324112302112132210112"
            + "2334242004432434412032412011234022140302402201311440222101212303344240321234104012004331330411413300"
            + "0332340223414223302330344042433012142130430413144110421012124221232212402121211204104044401320223243";

    /** SpectralClustering(5, affinity='rbf', gamma=0.1, random_state=0).fit(x).labels_, the same for seeds 0..9. */
    private static final String SKLEARN_RBF =
            "3312003032300300001133133030313043323030344030313333033000132433303300203030031403330210330340031330"
            + "0443030113320343330140330133043100331210310013233331000313030414433031203023313130113423221333332411"
            + "1220431004333002410221233130344130330341341334333331303130303003020030310303033013313133313201004032";

    @Test
    void nearestNeighborsPartitionIsScikitLearns() {
        SpectralModel model = SpectralClustering.of(5).fit(BLOBS);
        assertSamePartition(model.labels(), digits(SKLEARN_NEAREST_NEIGHBORS));
        // The 5 smallest eigenvalues of the normalised Laplacian of ½(C + Cᵀ), by a dense eigvalsh in the script.
        assertThat(model.eigenvalues()).containsExactly(new double[] {0, 0.0004845947959704984, 0.0018211565880969002,
            0.005627658381601635, 0.14885412934912592}, within(1e-9));
        assertThat(model.statistics()).containsEntry("graph_components", 1.0);
    }

    @Test
    void rbfPartitionIsScikitLearns() {
        SpectralModel model = SpectralClustering.of(5).withAffinity("rbf").withGamma(0.1).fit(BLOBS);
        assertSamePartition(model.labels(), digits(SKLEARN_RBF));
        // float affinities (as sklearn's rbf_kernel on float32 input) hold these to about 1e-7.
        assertThat(model.eigenvalues()).containsExactly(new double[] {0, 0.02607741375100646, 0.0672579786292411,
            0.12318110119264866, 0.7140398556178822}, within(1e-6));
    }

    @Test
    void separatesConcentricRingsWhereKMeansCannot() {
        ClusterFixtures.Points rings = ClusterFixtures.rings();
        // The script: sklearn's spectral ARI 1.0 with n_neighbors 20 (one connected graph), k-means ARI 0.0013.
        SpectralModel spectral = SpectralClustering.of(3).withNNeighbors(20).fit(rings.x());
        assertThat(RandIndex.ari(rings.truth(), spectral.labels())).isEqualTo(1.0);
        assertThat(spectral.statistics()).containsEntry("graph_components", 1.0);
        assertThat(RandIndex.ari(rings.truth(), KMeans.of(3).withNInit(10).fit(rings.x()).labels())).isLessThan(0.1);
    }

    @Test
    void separatesTwoMoonsWhereKMeansCannot() {
        ClusterFixtures.Points moons = ClusterFixtures.moons();
        // The script: sklearn's spectral ARI 1.0 (the graph falls into the two moons), k-means ARI 0.21.
        SpectralModel spectral = SpectralClustering.of(2).fit(moons.x());
        assertThat(RandIndex.ari(moons.truth(), spectral.labels())).isEqualTo(1.0);
        assertThat(spectral.statistics()).containsEntry("graph_components", 2.0);
        assertThat(RandIndex.ari(moons.truth(), KMeans.of(2).withNInit(10).fit(moons.x()).labels())).isLessThan(0.5);
    }

    @Test
    void refusesADenseAffinityThatWouldNotFit() {
        // 300² floats + 300 row headers = 364,800 bytes; 256 KiB holds the matrix of 254 points.
        assertRefusedInOneLine(() -> SpectralClustering.of(5).withAffinity("rbf").fit(BLOBS, 256 << 10),
                "rbf affinity of 300 points needs 0.3 MiB of heap for its dense affinity matrix (n² floats) but "
                        + "0.3 MiB is available; use affinity nearest_neighbors (sparse), or subsample to at most 254 "
                        + "points");
        assertThat(SpectralClustering.of(5).fit(BLOBS, 0).numClusters()).isEqualTo(5);
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheParameter() {
        assertRefusedInOneLine(() -> SpectralClustering.of(5).withAffinity("precomputed"),
                "affinity = \"precomputed\" is not one of nearest_neighbors, rbf");
        assertRefusedInOneLine(() -> SpectralClustering.of(0), "n_clusters = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> SpectralClustering.of(300).fit(BLOBS),
                "n_clusters = 300 is outside 1..299 (spectral clustering needs fewer clusters than its 300 points)");
        assertRefusedInOneLine(() -> SpectralClustering.of(5).withNNeighbors(301).fit(BLOBS),
                "n_neighbors = 301 is outside 1..300 (the number of points)");
        assertRefusedInOneLine(() -> SpectralClustering.of(5).withGamma(-1), "gamma = -1.0 must be a positive number");
        assertRefusedInOneLine(() -> SpectralClustering.of(5).withNInit(0), "n_init = 0 must be ≥ 1");
        INDArray withNaN = BLOBS.dup();
        withNaN.putScalar(4, 1, Float.NaN);
        assertRefusedInOneLine(() -> SpectralClustering.of(5).fit(withNaN),
                "features contain NaN at row 4, column 1; clean or impute non-finite values first");
    }

    /**
     * The first 2,000 MNIST test digits as pixels / 255: sklearn's spectral clustering scores ARI 0.4170 against the
     * digits. Eigen-solvers and k-means starts differ, so this holds the score, not the partition, to 0.02.
     */
    @Test
    void mnistScoresAsScikitLearn() {
        ClusterFixtures.Points mnist = ClusterFixtures.mnistTestHead(2000);
        double ari = RandIndex.ari(mnist.truth(), SpectralClustering.of(10).fit(mnist.x()).labels());
        assertThat(ari).isCloseTo(0.4170032090409447, within(0.02));
    }
}
