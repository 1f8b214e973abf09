package org.imgcluster.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Smaller sets for the O(n²) algorithms and quick runs, drawn reproducibly. */
public final class Subsample {
    private Subsample() {
    }

    /**
     * {@code n} images drawn without replacement, keeping each class's share of the set (quotas by largest-remainder
     * rounding; ties go to the lower class number); uniform when unlabeled. The same seed gives the same images.
     * The images keep their original order.
     */
    public static ImageSet stratified(ImageSet set, int n, long seed) {
        return set.select(stratifiedIndices(set, n, seed),
                set.source() + ", stratified subsample of " + n + " (seed " + seed + ")");
    }

    /** The indices {@link #stratified} keeps, ascending. */
    public static int[] stratifiedIndices(ImageSet set, int n, long seed) {
        if (n < 1 || n > set.size()) {
            throw new BadInputException("subsample: n = " + n + " is outside the allowed range 1.." + set.size()
                    + " (the size of " + set.source() + ")");
        }
        Random random = new Random(seed);
        int[] chosen = set.hasLabels() ? drawPerClass(set.labels(), n, random) : draw(allIndices(set.size()), n, random);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] drawPerClass(int[] labels, int n, Random random) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[][] members = new int[classes][];
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        for (int k = 0; k < classes; k++) {
            members[k] = new int[counts[k]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            members[labels[i]][filled[labels[i]]++] = i;
        }
        int[] quotas = largestRemainderQuotas(counts, n);
        return IntStream.range(0, classes)
                .flatMap(k -> IntStream.of(draw(members[k], quotas[k], random)))
                .toArray();
    }

    /** Class k gets floor(n·count_k/total), and the leftover places go to the largest remainders. */
    static int[] largestRemainderQuotas(int[] counts, int n) {
        long total = Arrays.stream(counts).asLongStream().sum();
        int[] quotas = new int[counts.length];
        long[] remainders = new long[counts.length];
        int assigned = 0;
        for (int k = 0; k < counts.length; k++) {
            quotas[k] = (int) ((long) n * counts[k] / total);
            remainders[k] = (long) n * counts[k] % total;
            assigned += quotas[k];
        }
        Integer[] byRemainder = IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(k -> -remainders[k]).thenComparingInt(k -> k))
                .toArray(Integer[]::new);
        for (int r = 0; r < n - assigned; r++) {
            quotas[byRemainder[r]]++;
        }
        return quotas;
    }

    /** The first {@code count} places of a partial Fisher–Yates shuffle of a copy of {@code pool}. */
    private static int[] draw(int[] pool, int count, Random random) {
        int[] shuffled = pool.clone();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return Arrays.copyOf(shuffled, count);
    }

    private static int[] allIndices(int size) {
        return IntStream.range(0, size).toArray();
    }
}
