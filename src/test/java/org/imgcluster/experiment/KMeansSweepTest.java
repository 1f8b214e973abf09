package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.imgcluster.cluster.KMeans;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class KMeansSweepTest {
    /** 3 tight Gaussian blobs of 100 points in 2-D, far apart. */
    private static INDArray threeBlobs() {
        SplittableRandom rng = new SplittableRandom(5);
        float[][] centres = {{0, 0}, {20, 0}, {0, 20}};
        float[] x = new float[300 * 2];
        for (int i = 0; i < 300; i++) {
            x[2 * i] = centres[i % 3][0] + (float) (rng.nextDouble() - 0.5);
            x[2 * i + 1] = centres[i % 3][1] + (float) (rng.nextDouble() - 0.5);
        }
        return NdArrays.matrix(x, 300, 2);
    }

    @Test
    void silhouettePeaksAtTheTrueNumberOfClustersAndInertiaFalls() {
        List<KMeansSweep.Point> points = KMeansSweep.run(threeBlobs(), 2, 6, KMeans.of(2).withNInit(3).withSeed(1), -1);
        assertThat(points).extracting(KMeansSweep.Point::k).containsExactly(2, 3, 4, 5, 6);
        assertThat(points.stream().max(Comparator.comparingDouble(KMeansSweep.Point::silhouette)).orElseThrow().k())
                .isEqualTo(3);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).inertia()).isLessThan(points.get(i - 1).inertia());
        }
        // The elbow: going from 2 to 3 clusters removes far more inertia than going from 3 to 4.
        double drop23 = points.get(0).inertia() - points.get(1).inertia();
        double drop34 = points.get(1).inertia() - points.get(2).inertia();
        assertThat(drop23).isGreaterThan(50 * drop34);
    }

    @Test
    void emptyOrInvalidRangesAreRefused() {
        INDArray x = threeBlobs();
        assertThatThrownBy(() -> KMeansSweep.run(x, 5, 4, KMeans.of(2), 0))
                .hasMessage("k range 5..4 is empty; give from ≤ to, e.g. 2..20");
        assertThatThrownBy(() -> KMeansSweep.run(x, 1, 4, KMeans.of(2), -1))
                .hasMessage("k range starts at 1; it must start at ≥ 2 (a silhouette needs 2 clusters)");
        assertThat(KMeansSweep.run(x, 1, 2, KMeans.of(2), 0)).extracting(KMeansSweep.Point::silhouette)
                .allMatch(s -> Double.isNaN(s));
    }
}
