package org.imgcluster.features;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The order in which one epoch visits the training rows: a permutation drawn from the seed and the epoch number alone,
 * not from a generator running on from epoch to epoch, so a training resumed at epoch k shuffles exactly as an
 * uninterrupted one and a checkpoint needs no generator state besides the epoch number.
 */
final class EpochOrder {
    private EpochOrder() {
    }

    /** A permutation of 0..n-1 for epoch {@code epoch} (counted from 0) of a training seeded with {@code seed}. */
    static int[] permutation(int n, long seed, int epoch) {
        long epochSeed = new SplittableRandom(seed).longs(epoch + 1L).skip(epoch).findFirst().orElseThrow();
        SplittableRandom random = new SplittableRandom(epochSeed);
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
