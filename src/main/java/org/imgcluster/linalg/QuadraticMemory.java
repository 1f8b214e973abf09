package org.imgcluster.linalg;

import java.util.Locale;
import java.util.function.LongUnaryOperator;

/** Refuses up front, in one line that says what to do instead, a size whose O(n²) matrix will not fit in the heap. */
public final class QuadraticMemory {
    private QuadraticMemory() {
    }

    /** The heap not in use now, less an eighth kept back for everything else alive while the matrix is. */
    public static long availableHeap() {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return free - free / 8;
    }

    /**
     * Throws an IllegalArgumentException unless {@code bytesFor(n) ≤ heapBytes}.
     *
     * @param what         what needs the matrix, e.g. {@code complete linkage}
     * @param matrix       what the matrix holds, e.g. {@code pairwise distances (n(n-1)/2 floats)}
     * @param alternatives the options that need less, e.g. {@code use linkage ward}
     */
    public static void require(String what, String matrix, int n, LongUnaryOperator bytesFor, long heapBytes,
            String alternatives) {
        long needed = bytesFor.applyAsLong(n);
        if (needed <= heapBytes) {
            return;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s of %d points needs %s of heap for its %s but %s is available; %s, or subsample to at most %d "
                        + "points",
                what, n, mebibytes(needed), matrix, mebibytes(Math.max(0, heapBytes)), alternatives,
                largestFitting(bytesFor, heapBytes)));
    }

    /** The largest m with bytesFor(m) ≤ heapBytes (bytesFor grows with m), by doubling then halving steps. */
    private static long largestFitting(LongUnaryOperator bytesFor, long heapBytes) {
        long m = 1;
        while (bytesFor.applyAsLong(2 * m) <= heapBytes) {
            m *= 2;
        }
        for (long step = m / 2; step > 0; step /= 2) {
            if (bytesFor.applyAsLong(m + step) <= heapBytes) {
                m += step;
            }
        }
        return m;
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
