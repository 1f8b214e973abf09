package org.imgcluster.features;

import java.util.Locale;

/** Wall time since a {@link System#nanoTime()} reading, for the progress logs of the long fits. */
final class Elapsed {
    private Elapsed() {
    }

    /** Seconds since {@code startNanos}, to a tenth, e.g. {@code 12.3 s}. */
    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
