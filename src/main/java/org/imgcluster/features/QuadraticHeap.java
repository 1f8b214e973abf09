package org.imgcluster.features;

import java.util.Locale;

import org.imgcluster.data.BadInputException;

/**
 * Refuses up front, in one line naming the {@code subsample} option, an embedding whose n×n matrices will not fit in
 * the heap, instead of failing with OutOfMemoryError after minutes of work.
 */
final class QuadraticHeap {
    private static final double GIB = 1 << 30;

    private QuadraticHeap() {
    }

    /** The heap not in use now, less an eighth kept back for everything else alive while the matrices are. */
    static long available() {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return free - free / 8;
    }

    /**
     * Throws unless n×n entries of {@code bytesPerPair} bytes in all fit in {@code heapBytes}.
     *
     * @param what what needs them, e.g. {@code t-SNE (its n×n float joint probabilities)}
     */
    static void require(String what, int bytesPerPair, int n, long heapBytes) {
        long needed = (long) bytesPerPair * n * n;
        if (needed <= heapBytes) {
            return;
        }
        long largest = (long) Math.sqrt(Math.max(0, heapBytes) / (double) bytesPerPair);
        throw new BadInputException(String.format(Locale.ROOT,
                "%s of %,d points needs %.1f GiB of heap (%d bytes per pair of points) but %.1f GiB is free; set "
                        + "subsample to at most %,d (or give Java more heap with -Xmx)",
                what, n, needed / GIB, bytesPerPair, Math.max(0, heapBytes) / GIB, largest));
    }
}
