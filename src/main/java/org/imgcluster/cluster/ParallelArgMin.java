package org.imgcluster.cluster;

import java.util.stream.IntStream;

/**
 * The position of the smallest cost among positions 0..m-1, scanned in one chunk per core when m is large enough to
 * pay for the hand-off. The result does not depend on the number of threads: ties go to the lowest position.
 */
final class ParallelArgMin {
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    /** A scan over positions whose cost can also be recomputed one at a time (identically). */
    interface Scan {
        /** The position of the smallest cost in from..to-1, ties to the lowest; -1 when the range has no candidate. */
        int argMin(int from, int to);

        double cost(int position);
    }

    private ParallelArgMin() {
    }

    /** The best position of 0..m-1, or -1 when there is none; one thread unless m ≥ {@code parallelFrom}. */
    static int of(int m, int parallelFrom, Scan scan) {
        if (PARALLELISM == 1 || m < parallelFrom) {
            return scan.argMin(0, m);
        }
        int[] best = IntStream.range(0, PARALLELISM).parallel()
                .map(c -> scan.argMin((int) ((long) c * m / PARALLELISM), (int) ((long) (c + 1) * m / PARALLELISM)))
                .toArray();
        int result = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int p : best) {
            if (p >= 0 && (result < 0 || scan.cost(p) < lowest)) {
                result = p;
                lowest = scan.cost(p);
            }
        }
        return result;
    }
}
