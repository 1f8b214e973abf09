package org.imgcluster.linalg;

import java.util.stream.IntStream;

/**
 * Runs a loop over rows 0..n-1 as contiguous chunks on the common fork-join pool, for row-independent work on large
 * arrays (E-steps, weighted sums). Small n runs in the caller's thread. The chunking depends only on n and the core
 * count, so results are reproducible on one machine.
 */
public final class RowChunks {
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private static final int MIN_CHUNK_ROWS = 1024;

    private RowChunks() {
    }

    /** Work on rows from..to-1. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** Work on rows from..to-1 that adds into {@code sums}, a zeroed array private to the chunk. */
    @FunctionalInterface
    public interface Accumulation {
        void run(int from, int to, double[] sums);
    }

    public static void forEach(int n, Range body) {
        int chunks = chunks(n);
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(start(c, chunks, n), start(c + 1, chunks, n)));
    }

    /** The element-wise total of {@code width} sums over all rows, chunk totals added in chunk order. */
    public static double[] sum(int n, int width, Accumulation body) {
        int chunks = chunks(n);
        double[][] partial = new double[chunks][width];
        IntStream.range(0, chunks).parallel()
                .forEach(c -> body.run(start(c, chunks, n), start(c + 1, chunks, n), partial[c]));
        double[] total = partial[0];
        for (int c = 1; c < chunks; c++) {
            for (int j = 0; j < width; j++) {
                total[j] += partial[c][j];
            }
        }
        return total;
    }

    private static int chunks(int n) {
        return Math.max(1, Math.min(PARALLELISM, n / MIN_CHUNK_ROWS));
    }

    private static int start(int chunk, int chunks, int n) {
        return (int) ((long) chunk * n / chunks);
    }
}
