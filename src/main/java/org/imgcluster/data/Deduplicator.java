package org.imgcluster.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact-duplicate removal as pandas' {@code drop_duplicates()} does it on a Kaggle CSV: an image is a duplicate
 * of an earlier one when its pixels and its label are equal; the first occurrence is kept. Linear time: images
 * are grouped by a 64-bit hash of their bytes, then compared exactly within a group.
 */
public final class Deduplicator {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Deduplicator() {
    }

    /**
     * @param kept           the images left, in their original order (the input set itself when none was removed)
     * @param removedIndices indices into the input of the images removed, ascending
     * @param conflicts      kept images whose pixels equal an earlier kept image's under another label: the same
     *                       picture filed under two classes, which de-duplication cannot settle
     */
    public record Result(ImageSet kept, int[] removedIndices, int conflicts) {
        public Result {
            removedIndices = removedIndices.clone();
        }

        @Override
        public int[] removedIndices() {
            return removedIndices.clone();
        }

        public int removedCount() {
            return removedIndices.length;
        }
    }

    public static Result dropDuplicates(ImageSet set) {
        byte[] pixels = set.pixels();
        int[] labels = set.labels();
        int len = set.imageLength();
        int n = set.size();
        Map<Long, Integer> firstWithHash = new HashMap<>(2 * n);
        int[] nextWithSameHash = new int[n];
        int[] keptIndices = new int[n];
        int[] removed = new int[n];
        int keptCount = 0;
        int removedCount = 0;
        int conflicts = 0;
        for (int i = 0; i < n; i++) {
            long hash = hash(pixels, i * len, len);
            Integer head = firstWithHash.get(hash);
            boolean duplicate = false;
            boolean samePixelsOtherLabel = false;
            int last = -1;
            for (int j = head == null ? -1 : head; j >= 0 && !duplicate; j = nextWithSameHash[j]) {
                last = j;
                if (Arrays.equals(pixels, j * len, j * len + len, pixels, i * len, i * len + len)) {
                    duplicate = labels == null || labels[j] == labels[i];
                    samePixelsOtherLabel |= !duplicate;
                }
            }
            if (duplicate) {
                removed[removedCount++] = i;
                continue;
            }
            conflicts += samePixelsOtherLabel ? 1 : 0;
            nextWithSameHash[i] = -1;
            if (last < 0) {
                firstWithHash.put(hash, i);
            } else {
                nextWithSameHash[last] = i;
            }
            keptIndices[keptCount++] = i;
        }
        ImageSet kept = removedCount == 0 ? set
                : set.select(Arrays.copyOf(keptIndices, keptCount), set.source() + ", exact duplicates removed");
        return new Result(kept, Arrays.copyOf(removed, removedCount), conflicts);
    }

    /** A 64-bit multiply-xorshift hash, eight bytes at a time. */
    private static long hash(byte[] data, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int p = offset;
        int end = offset + length;
        for (; p + Long.BYTES <= end; p += Long.BYTES) {
            h = mix(h ^ (long) LONGS.get(data, p));
        }
        for (; p < end; p++) {
            h = mix(h ^ (data[p] & 0xFFL));
        }
        return h;
    }

    private static long mix(long h) {
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }
}
