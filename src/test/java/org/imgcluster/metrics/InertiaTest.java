package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.imgcluster.linalg.Distances;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class InertiaTest {
    @Test
    void equalsTheSumOfSquaredDistancesFromScikitLearnsScript() {
        int[] labels = MetricFixtures.blobLabels(300, 4, 11);
        INDArray x = MetricFixtures.blobs(labels, 20, 4);
        float[] centres = new float[7 * 20];
        for (int c = 0; c < 7; c++) {
            for (int j = 0; j < 20; j++) {
                centres[c * 20 + j] = j % 4 == c % 4 ? 1.5f : 0f;
            }
        }
        // sklearn_reference.py: ((x - centres[labels]) ** 2).sum() in float64. The float32 GEMM expansion carries a
        // relative error near 1e-7; a wrong centre per point would be off by far more than 1e-6.
        assertThat(Inertia.of(x, labels, Distances.matrix(centres, 7, 20))).isCloseTo(511.32978963123,
                withinPercentage(1e-4));
    }

    @Test
    void smallExampleByHand() {
        INDArray x = Distances.matrix(new float[] {0, 0, 2, 0, 10, 10}, 3, 2);
        INDArray centres = Distances.matrix(new float[] {1, 0, 10, 11}, 2, 2);
        assertThat(Inertia.of(x, new int[] {0, 0, 1}, centres)).isCloseTo(3.0, within(1e-6));
        assertThat(Inertia.of(x.castTo(DataType.DOUBLE), new int[] {0, 0, 1}, centres)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void rejectsLabelsThatAreNoCentre() {
        INDArray x = Distances.matrix(new float[] {0, 0, 2, 0}, 2, 2);
        INDArray centres = Distances.matrix(new float[] {1, 0}, 1, 2);
        assertThatThrownBy(() -> Inertia.of(x, new int[] {0, 1}, centres))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("labels[1] = 1;");
    }
}
