package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.imgcluster.linalg.Distances;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reference values: sklearn_reference.py with scikit-learn 1.2.1 (silhouette_score / silhouette_samples, float64). */
class SilhouetteTest {
    private static final int[] LABELS = MetricFixtures.blobLabels(300, 4, 11);
    private static final INDArray X = MetricFixtures.blobs(LABELS, 20, 4);

    @Test
    void equalsScikitLearnOn300Points() {
        assertThat(Silhouette.score(X, LABELS)).isCloseTo(0.4799518513995318, within(1e-5));
        double[] samples = Silhouette.samples(X, LABELS);
        assertThat(samples[0]).as("point alone in its cluster").isEqualTo(0.0);
        assertThat(samples[1]).isCloseTo(0.6571022541812311, within(1e-5));
        assertThat(samples[150]).isCloseTo(0.6439512861607365, within(1e-5));
        assertThat(samples[299]).isCloseTo(0.6182683924871808, within(1e-5));
    }

    @Test
    void equalsScikitLearnOn5000PointsOverSeveralBlocks() {
        int[] labels = MetricFixtures.blobLabels(5000, 7, 13);
        assertThat(Silhouette.score(MetricFixtures.blobs(labels, 32, 7), labels)).isCloseTo(0.4554135917958325,
                within(1e-5));
    }

    @Test
    void theBlockSizeDoesNotChangeTheResult() {
        double[] oneBlock = Silhouette.samples(X, LABELS, Silhouette.DEFAULT_BUDGET_BYTES);
        double[] tinyBlocks = Silhouette.samples(X, LABELS, 7 * 7 * Float.BYTES);
        double[] unevenBlocks = Silhouette.samples(X, LABELS, 64 * 64 * Float.BYTES);
        // Only the float rounding inside the GEMM may differ between block shapes (about 2e-8 here); a sum scattered
        // to the wrong point or cluster would be off by more than 1e-3.
        assertThat(maxDifference(tinyBlocks, oneBlock)).isLessThan(1e-7);
        assertThat(maxDifference(unevenBlocks, oneBlock)).isLessThan(1e-7);
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void doubleInputGivesTheSameAsFloat() {
        assertThat(Silhouette.score(X.castTo(DataType.DOUBLE), LABELS)).isCloseTo(Silhouette.score(X, LABELS),
                within(1e-12));
    }

    @Test
    void sampledScoreIsDeterministicForASeedAndWithinTheSample() {
        double first = Silhouette.score(X, LABELS, 120, 7);
        assertThat(Silhouette.score(X, LABELS, 120, 7)).isEqualTo(first);
        assertThat(Silhouette.score(X, LABELS, 120, 8)).isNotEqualTo(first);
        assertThat(first).isCloseTo(0.48, within(0.1));
        // A sample of every point is the whole set in another order: the exact score.
        assertThat(Silhouette.score(X, LABELS, 1000, 7)).isCloseTo(Silhouette.score(X, LABELS), within(1e-9));
    }

    @Test
    void twoWellSeparatedPairsScoreByHand() {
        INDArray x = Distances.matrix(new float[] {0, 0, 0, 1, 10, 0, 10, 1}, 4, 2);
        // a = 1, b = mean(10, √101) for every point
        double b = (10 + Math.sqrt(101)) / 2;
        assertThat(Silhouette.samples(x, new int[] {2, 2, 9, 9})).containsOnly(new double[] {(b - 1) / b},
                within(1e-6));
        assertThat(Silhouette.samples(x, new int[] {2, 2, 9, 9}, Float.BYTES)).as("one row per block")
                .containsOnly(new double[] {(b - 1) / b}, within(1e-6));
    }

    @Test
    void rejectsWhatScikitLearnRejects() {
        assertThatThrownBy(() -> Silhouette.score(X, new int[300]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to n−1 clusters");
        int[] everyPointAlone = new int[4];
        for (int i = 0; i < 4; i++) {
            everyPointAlone[i] = i;
        }
        assertThatThrownBy(() -> Silhouette.score(Distances.matrix(new float[8], 4, 2), everyPointAlone))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to n−1 clusters");
        assertThatThrownBy(() -> Silhouette.score(X, new int[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("labels has 10 ids");
        INDArray withNaN = Distances.matrix(new float[] {0, Float.NaN, 1, 1, 2, 2}, 3, 2);
        assertThatThrownBy(() -> Silhouette.score(withNaN, new int[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("x ");
        INDArray withInfinity = Distances.matrix(new float[] {0, Float.POSITIVE_INFINITY, 1, 1, 2, 2}, 3, 2);
        assertThatThrownBy(() -> Silhouette.score(withInfinity, new int[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("x ");
        assertThatThrownBy(() -> Silhouette.score(X, LABELS, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample_size = 0 must be ≥ 1");
        assertThatThrownBy(() -> Silhouette.samples(X, LABELS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("budget_bytes = 0 must be ≥ 4");
    }
}
