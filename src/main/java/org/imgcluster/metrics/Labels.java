package org.imgcluster.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Checks and compact encoding of integer ids (cluster ids or class labels), shared by every score. */
final class Labels {
    private Labels() {
    }

    /** The distinct ids in increasing order, and for each element the index of its id among them. */
    record Encoded(int[] ids, int[] codes) {
        int count() {
            return ids.length;
        }

        /** How many elements carry each id. */
        long[] sizes() {
            long[] sizes = new long[ids.length];
            for (int code : codes) {
                sizes[code]++;
            }
            return sizes;
        }
    }

    static Encoded encode(int[] values) {
        int[] ids = IntStream.of(values).distinct().sorted().toArray();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = Arrays.binarySearch(ids, values[i]);
        }
        return new Encoded(ids, codes);
    }

    /** A non-empty array of ids ≥ 0, else an IllegalArgumentException naming {@code name}. */
    static void requireValid(String name, int[] ids) {
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty array of ids ≥ 0");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + ids[i] + "; ids must be ≥ 0");
            }
        }
    }

    /** Two valid id arrays of the same length (one id per point in each). */
    static void requirePaired(String firstName, int[] first, String secondName, int[] second) {
        requireValid(firstName, first);
        requireValid(secondName, second);
        if (first.length != second.length) {
            throw new IllegalArgumentException(secondName + " has " + second.length + " ids but " + firstName
                    + " has " + first.length + "; both must hold one id per point");
        }
    }
}
