package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.KnnGraph;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * UMAP's parts against umap-learn 0.5.3 ({@code src/test/resources/features/umap_reference.py} prints the numbers),
 * and the whole on data whose answer is known.
 */
class UmapTest {
    private static final EmbeddingFixtures.Labelled BLOBS = EmbeddingFixtures.threeBlobs(100, 10, 7);

    @Test
    void theFuzzyGraphIsUmapLearns() {
        FuzzyGraph graph = FuzzySimplicialSet.of(KnnGraph.of(DenseRows.of(fixture(), "fixture"), 15, true));

        assertThat(graph.edges()).isEqualTo(1008);
        double sum = 0;
        for (float w : graph.weight()) {
            sum += w;
        }
        assertThat(sum).isCloseTo(356.823425293, within(1e-4));
        assertRow(graph, 0, new int[] {1, 4, 5, 9, 14, 15, 23, 24, 35, 43, 44, 52, 53, 59}, new double[] {
            0.1042275, 0.0983269, 0.0916477, 0.5837842, 1.0000000, 0.3582201, 0.1615332, 0.1847875, 0.3274830,
            0.8259765, 0.6739782, 0.1152213, 0.2257771, 0.0889646});
        assertRow(graph, 17, new int[] {6, 7, 8, 16, 18, 23, 26, 32, 35, 41, 42, 50, 51, 52}, new double[] {
            0.1646745, 0.5290984, 0.7286754, 0.5475273, 0.0770918, 0.1169068, 0.9083322, 0.5202692, 0.0660196,
            0.2585007, 0.3352664, 0.0859037, 1.0000000, 0.1497547});
    }

    @Test
    void theCurveParametersAreUmapLearns() {
        UmapCurve defaults = UmapCurve.fit(1.0, 0.1);
        UmapCurve wide = UmapCurve.fit(1.0, 0.5);

        assertThat(defaults.a()).isCloseTo(1.5769434602, within(1e-6));
        assertThat(defaults.b()).isCloseTo(0.8950608780, within(1e-6));
        assertThat(wide.a()).isCloseTo(0.5830300205, within(1e-6));
        assertThat(wide.b()).isCloseTo(1.3341669929, within(1e-6));
    }

    @Test
    void keepsThreeSeparatedBlobsApartIn2D() {
        Embedding embedding = Umap.of(2).fit(BLOBS.points());

        assertThat(embedding.rows()).containsExactly(IntStream.range(0, 300).toArray());
        assertThat(embedding.method()).isEqualTo("UMAP");
        assertThat(EmbeddingFixtures.kMeansAri(embedding, BLOBS.truth(), 3)).isEqualTo(1.0);
    }

    @Test
    void theSameSeedGivesTheSameEmbeddingAndAnotherSeedAnother() {
        Umap umap = Umap.of(2).withNEpochs(100).withSeed(11);
        float[] first = NdArrays.values(umap.fit(BLOBS.points()).coordinates());

        assertThat(NdArrays.values(umap.fit(BLOBS.points()).coordinates())).containsExactly(first);
        assertThat(NdArrays.values(umap.withSeed(12).fit(BLOBS.points()).coordinates())).isNotEqualTo(first);
    }

    @Test
    void theSpectralStartOfAConnectedGraphIsItsLaplaciansEigenvectors() {
        DenseRows x = DenseRows.of(EmbeddingFixtures.swissRoll(400, 2).points(), "roll");
        FuzzyGraph graph = FuzzySimplicialSet.of(KnnGraph.of(x, 15, true));
        double[] layout = SpectralLayout.of(graph, x, 2, new SplittableRandom(0));

        assertThat(graph.components().count()).isEqualTo(1);
        // LAPACK on the dense D^-½ W D^-½: eigenvalues 1, 0.9920, 0.9863, .. (distinct, so the vectors are unique up
        // to sign); ARPACK's must be the 2nd and 3rd.
        Matrix.EVD dense = normalisedAdjacency(graph).eigen(false, true, true);
        Integer[] order = IntStream.range(0, 400).boxed().sorted((p, q) -> Double.compare(dense.wr[q], dense.wr[p]))
                .toArray(Integer[]::new);
        for (int j = 0; j < 2; j++) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < 400; i++) {
                dot += layout[2 * i + j] * dense.Vr.get(i, order[j + 1]);
                norm += layout[2 * i + j] * layout[2 * i + j];
            }
            assertThat(Math.abs(dot) / Math.sqrt(norm)).as("cosine with eigenvector %d", j + 2).isGreaterThan(0.9999);
        }
    }

    @Test
    void aConnectedGraphIsEmbeddedReproduciblyToo() {
        INDArray roll = EmbeddingFixtures.swissRoll(400, 2).points();
        Umap umap = Umap.of(2).withNEpochs(50).withSeed(1);

        assertThat(NdArrays.values(umap.fit(roll).coordinates()))
                .containsExactly(NdArrays.values(umap.fit(roll).coordinates()));
    }

    @Test
    void newDataIsRefused() {
        Embedding embedding = Umap.of(2).withNEpochs(20).fit(BLOBS.points());

        assertThatThrownBy(() -> embedding.transform(EmbeddingFixtures.threeBlobs(100, 10, 8).points()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UMAP has no out-of-sample mapping");
    }

    @Test
    void tooFewPointsForTheNeighbourhoodAreRefused() {
        assertThatThrownBy(() -> Umap.of(2).fit(EmbeddingFixtures.threeBlobs(5, 3, 1).points()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UMAP of 15 points needs n_neighbors (15) and n_components (2) below the number of points");
    }

    private static Matrix normalisedAdjacency(FuzzyGraph graph) {
        int n = graph.n();
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                degree[i] += graph.weight()[p];
            }
        }
        Matrix s = new Matrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                int j = graph.column()[p];
                s.set(i, j, graph.weight()[p] / Math.sqrt(degree[i] * degree[j]));
            }
        }
        return s.uplo(UPLO.LOWER);
    }

    /** umap_reference.py's fixture. */
    private static INDArray fixture() {
        float[] values = new float[60 * 3];
        for (int i = 0; i < 60; i++) {
            values[i * 3] = (float) (3 * Math.sin(0.7 * i) + 0.05 * i);
            values[i * 3 + 1] = (float) (2 * Math.cos(1.3 * i));
            values[i * 3 + 2] = (float) (0.5 * (i % 7));
        }
        return NdArrays.matrix(values, 60, 3);
    }

    private static void assertRow(FuzzyGraph graph, int row, int[] columns, double[] weights) {
        int from = graph.start()[row];
        int to = graph.start()[row + 1];
        assertThat(Arrays.copyOfRange(graph.column(), from, to)).containsExactly(columns);
        for (int p = from; p < to; p++) {
            assertThat((double) graph.weight()[p]).as("weight %d→%d", row, graph.column()[p])
                    .isCloseTo(weights[p - from], within(2e-6));
        }
    }
}
