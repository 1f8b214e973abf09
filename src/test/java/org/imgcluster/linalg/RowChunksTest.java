package org.imgcluster.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class RowChunksTest {
    @Test
    void everyRowIsVisitedOnce() {
        for (int n : new int[] {0, 1, 1023, 100_000}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            RowChunks.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertThat(visits.get(i)).as("row %d of %d", i, n).isEqualTo(1);
            }
        }
    }

    @Test
    void sumAddsEveryChunksPartialSums() {
        int n = 100_000;
        double[] total = RowChunks.sum(n, 2, (from, to, sums) -> {
            for (int i = from; i < to; i++) {
                sums[0] += i;
                sums[1] += 1;
            }
        });
        assertThat(total).containsExactly((double) n * (n - 1) / 2, n);
    }
}
