package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmoothedInertiaTest {
    /** The batch after which the monitor says stop (1-based), or -1. */
    private static int stopStep(double alpha, int patience, double... batchInertias) {
        SmoothedInertia monitor = new SmoothedInertia(alpha, patience);
        for (int i = 0; i < batchInertias.length; i++) {
            if (monitor.stop(batchInertias[i])) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void stopsWhereScikitLearnStops() {
        // Reference: scikit-learn 1.2.1, MiniBatchKMeans(batch_size=100, max_no_improvement=3)._mini_batch_convergence
        // fed these mean batch inertias with n_samples 399 (alpha = 2·100/400 = 0.5): "stop at step 6" and "10".
        assertThat(stopStep(0.5, 3, 1000, 50, 40, 45, 46, 47, 48, 49, 50, 51, 52)).isEqualTo(6);
        assertThat(stopStep(0.5, 3, 10, 50, 40, 30, 35, 29, 31, 32, 33, 34)).isEqualTo(10);
    }

    @Test
    void theSeedingsBatchDoesNotEnterTheAverage() {
        // Were the first batch's 1000 averaged in, the average would still be falling at step 11.
        assertThat(stopStep(0.5, 3, 1000, 50, 40, 45, 46, 47, 48, 49, 50, 51, 52)).isNotEqualTo(-1);
        assertThat(stopStep(0.5, 3, 1, 50, 40, 45, 46, 47, 48, 49, 50, 51, 52))
                .isEqualTo(stopStep(0.5, 3, 1e9, 50, 40, 45, 46, 47, 48, 49, 50, 51, 52));
    }

    @Test
    void neverStopsWhileTheAverageKeepsFalling() {
        assertThat(stopStep(0.5, 2, 5, 9, 8, 7, 6, 5, 4, 3, 2, 1)).isEqualTo(-1);
    }
}
