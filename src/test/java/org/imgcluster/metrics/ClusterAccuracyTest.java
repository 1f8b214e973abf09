package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ClusterAccuracyTest {
    @Test
    void hungarianEqualsBruteForceOnSmallRectangularTables() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int seed = 0; seed < 300; seed++) {
            int k = 1 + random.nextInt(6);
            int classes = 1 + random.nextInt(6);
            int n = 10 + random.nextInt(40);
            int[] truth = new int[n];
            int[] clusters = new int[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(classes);
                clusters[i] = random.nextInt(k);
            }
            Contingency table = Contingency.of(truth, clusters);
            ClusterAccuracy acc = ClusterAccuracy.hungarian(table);
            long best = bestMatching(table.counts(), 0, new boolean[table.numLabels()]);
            assertThat(acc.accuracy()).as("seed %d, %d×%d", seed, k, classes).isCloseTo((double) best / n,
                    within(1e-12));
            assertThat(matchedCount(acc.labelOfCluster(), truth, clusters)).isEqualTo(best);
            assertThat(new HashSet<>(acc.labelOfCluster().values())).as("one-to-one")
                    .hasSize(acc.labelOfCluster().size());
            assertThat(acc.labelOfCluster()).hasSize(Math.min(table.numClusters(), table.numLabels()));
        }
    }

    /** The largest total over every way to give each row a distinct column or none. */
    private static long bestMatching(long[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        long best = bestMatching(w, row + 1, used);
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, w[row][j] + bestMatching(w, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static long matchedCount(Map<Integer, Integer> labelOfCluster, int[] truth, int[] clusters) {
        long correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (labelOfCluster.getOrDefault(clusters[i], -1) == truth[i]) {
                correct++;
            }
        }
        return correct;
    }

    @Test
    void extraClustersStayUnmatchedAndCountAsWrong() {
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] clusters = {5, 5, 6, 7, 7, 7};
        ClusterAccuracy acc = ClusterAccuracy.hungarian(truth, clusters);
        assertThat(acc.accuracy()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(acc.labelOfCluster()).containsExactlyInAnyOrderEntriesOf(Map.of(5, 0, 7, 1));
        assertThat(acc.predict(clusters)).containsExactly(0, 0, ClusterAccuracy.UNMATCHED, 1, 1, 1);
    }

    @Test
    void majorityLetsClustersShareALabel() {
        int[] truth = {0, 0, 1, 1, 1, 1, 2};
        int[] clusters = {3, 3, 4, 4, 4, 8, 8};
        ClusterAccuracy majority = ClusterAccuracy.majority(truth, clusters);
        // cluster 3 → 0 (2 of 2), 4 → 1 (3 of 3), 8 → 1 (tie 1:1, the lowest label wins)
        assertThat(majority.labelOfCluster()).containsExactlyInAnyOrderEntriesOf(Map.of(3, 0, 4, 1, 8, 1));
        assertThat(majority.accuracy()).isCloseTo(6.0 / 7, within(1e-15));
        ClusterAccuracy hungarian = ClusterAccuracy.hungarian(truth, clusters);
        assertThat(hungarian.labelOfCluster()).containsExactlyInAnyOrderEntriesOf(Map.of(3, 0, 4, 1, 8, 2));
        assertThat(hungarian.accuracy()).isCloseTo(6.0 / 7, within(1e-15));
    }

    @Test
    void theMappingCannotBeChangedFromOutside() {
        ClusterAccuracy acc = ClusterAccuracy.hungarian(new int[] {0, 1}, new int[] {1, 0});
        assertThatThrownBy(() -> acc.labelOfCluster().put(3, 3))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
