package org.imgcluster.linalg;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random row indices for subsets and batches, reproducible from a seeded generator. */
public final class RandomRows {
    private RandomRows() {
    }

    /** {@code count} distinct indices of 0..n-1 (count ≤ n): the head of a partial Fisher–Yates shuffle. */
    public static int[] distinct(SplittableRandom rng, int n, int count) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot draw " + count + " distinct rows from " + n);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, count);
    }
}
