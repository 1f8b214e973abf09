package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * t-SNE against scikit-learn 1.2.1's exact method ({@code src/test/resources/features/sklearn_tsne_reference.py} prints
 * the numbers) and on data whose answer is known.
 */
class TsneTest {
    private static final EmbeddingFixtures.Labelled BLOBS = EmbeddingFixtures.threeBlobs(100, 10, 7);

    @Test
    void theJointProbabilitiesAreScikitLearns() {
        float[][] p = TsneAffinities.of(DenseRows.of(fixture(), "fixture"), 30);

        double sum = 0;
        for (float[] row : p) {
            for (float v : row) {
                sum += v;
            }
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        // Entries from 1e-12 to 1e-4: float32 storage, as scikit-learn's, leaves about 1e-7 relative error.
        assertThat((double) p[0][1]).isCloseTo(3.343410997e-10, withinPercentage(1e-3));
        assertThat((double) p[0][3]).isCloseTo(7.458722329e-05, withinPercentage(1e-3));
        assertThat((double) p[5][77]).isCloseTo(2.904366497e-05, withinPercentage(1e-3));
        assertThat((double) p[149][146]).isCloseTo(7.726773461e-05, withinPercentage(1e-3));
        assertThat((double) p[10][11]).isCloseTo(1.504397791e-12, withinPercentage(1e-3));
        assertThat(p[11][10]).isEqualTo(p[10][11]);
        assertThat(p[7][7]).isZero();
    }

    @Test
    void theObjectiveAndItsGradientAreScikitLearnsIn2dAnd3d() {
        float[][] p = TsneAffinities.of(DenseRows.of(fixture(), "fixture"), 30);
        assertObjective(p, 2, 1.671428992, 3.361229551e-02, -2.458255421e-04, 2.795845281e-03);
        assertObjective(p, 3, 1.743416971, 2.492660776e-02, -1.322018248e-03, 1.370621218e-03);
    }

    @Test
    void itReachesScikitLearnsKlDivergence() {
        Embedding embedding = Tsne.of(2).fit(fixture());

        // scikit-learn: 0.177364 from float64 input (as our arithmetic), 0.174366 from float32; random starts give
        // 0.1745 to 0.1795. The path from the PCA start is chaotic, so rounding alone moves the end by a few per mille.
        assertThat(embedding.statistics().get("kl_divergence")).isCloseTo(0.177364, withinPercentage(3));
        assertThat(embedding.statistics().get("n_iter")).isEqualTo(1000);
    }

    @Test
    void keepsThreeSeparatedBlobsApartIn2D() {
        Embedding embedding = Tsne.of(2).fit(BLOBS.points());

        assertThat(embedding.outputDimension()).isEqualTo(2);
        assertThat(embedding.isSubsample()).isFalse();
        assertThat(EmbeddingFixtures.kMeansAri(embedding, BLOBS.truth(), 3)).isEqualTo(1.0);
    }

    @Test
    void theSameSeedGivesTheSameEmbedding() {
        Tsne tsne = Tsne.of(2).withMaxIter(300).withSeed(3);

        assertThat(NdArrays.values(tsne.fit(BLOBS.points()).coordinates()))
                .containsExactly(NdArrays.values(tsne.fit(BLOBS.points()).coordinates()));
    }

    @Test
    void aSubsampleKeepsEachClassShareAndRecordsItsRows() {
        Tsne tsne = Tsne.of(2).withMaxIter(300).withSubsample(120).withSeed(5);
        Embedding embedding = tsne.fit(BLOBS.points(), BLOBS.truth());

        int[] rows = embedding.rows();
        assertThat(rows).hasSize(120).isSorted().doesNotHaveDuplicates();
        assertThat(embedding.isSubsample()).isTrue();
        assertThat(embedding.trainingRows()).isEqualTo(300);
        assertThat(Arrays.stream(embedding.select(BLOBS.truth())).filter(c -> c == 2).count()).isEqualTo(40);
        assertThat(rows).containsExactly(SubsampleRows.choose(300, BLOBS.truth(), 120, 5));
        assertThat(tsne.withSeed(6).fit(BLOBS.points(), BLOBS.truth()).rows()).isNotEqualTo(rows);

        INDArray selected = BLOBS.points().getRows(rows);
        assertThat(NdArrays.values(embedding.transform(selected)))
                .containsExactly(NdArrays.values(embedding.coordinates()));
        assertThatThrownBy(() -> embedding.transform(BLOBS.points()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t-SNE embedded only 120 of these 300 training rows and has no out-of-sample mapping for "
                        + "the rest; transform the rows listed by rows() instead");
    }

    @Test
    void newDataIsRefusedForWantOfAnOutOfSampleMapping() {
        Embedding embedding = Tsne.of(2).withMaxIter(250).fit(BLOBS.points());
        INDArray other = EmbeddingFixtures.threeBlobs(10, 10, 8).points();

        assertThatThrownBy(() -> embedding.transform(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t-SNE has no out-of-sample mapping: it can only return the embedding of the 300 rows it "
                        + "was fitted on, and these 30 rows are not them; fit it on this data instead");
    }

    @Test
    void aPerplexityAsLargeAsTheDataIsRefused() {
        assertThatThrownBy(() -> Tsne.of(2).withPerplexity(30).fit(EmbeddingFixtures.threeBlobs(10, 4, 1).points()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("perplexity (30.0)");
    }

    /** KL and gradient at y_it = sin(0.5 i + t), against scikit-learn's {@code _kl_divergence} there. */
    private static void assertObjective(float[][] p, int k, double kl, double norm, double first, double later) {
        int n = p.length;
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                y[i * k + t] = Math.sin(0.5 * i + t);
            }
        }
        double[] gradient = new double[n * k];
        double error = new TsneDescent(p, y, k).objective(1, true, gradient);

        double squared = 0;
        for (double g : gradient) {
            squared += g * g;
        }
        assertThat(error).isCloseTo(kl, withinPercentage(1e-4));
        assertThat(Math.sqrt(squared)).isCloseTo(norm, withinPercentage(1e-4));
        // Single entries are sums that largely cancel, so P's float32 rounding shows more in them than in the norm.
        assertThat(gradient[0]).isCloseTo(first, withinPercentage(0.05));
        assertThat(gradient[3 * k + 1]).isCloseTo(later, withinPercentage(0.05));
    }

    /** sklearn_tsne_reference.py's fixture. */
    private static INDArray fixture() {
        float[] values = new float[150 * 5];
        for (int i = 0; i < 150; i++) {
            for (int j = 0; j < 5; j++) {
                values[i * 5 + j] = (float) (Math.sin(0.37 * (i + 1) * (j + 1)) + (i % 3 == j % 3 ? 3 : 0));
            }
        }
        return NdArrays.matrix(values, 150, 5);
    }
}
