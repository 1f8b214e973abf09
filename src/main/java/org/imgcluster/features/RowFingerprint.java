package org.imgcluster.features;

import java.util.function.IntUnaryOperator;

import org.imgcluster.linalg.DenseRows;

/**
 * A 64-bit hash of some rows' exact float values and shape, so an embedding can tell its own training rows (or a
 * bit-identical copy of them) from other data without keeping them. Not for adversaries: MurmurHash3's mixing steps
 * over the raw float bits.
 */
final class RowFingerprint {
    private RowFingerprint() {
    }

    /** The fingerprint of all rows of {@code x}. */
    static long of(DenseRows x) {
        return hash(x.values(), x.d(), x.n(), r -> r);
    }

    /** The fingerprint of the listed rows of {@code x}, in that order: the same as of the matrix they would form. */
    static long of(DenseRows x, int[] rows) {
        return hash(x.values(), x.d(), rows.length, r -> rows[r]);
    }

    private static long hash(float[] values, int d, int n, IntUnaryOperator rowAt) {
        long h = mix(0x9E3779B97F4A7C15L, n) ^ d;
        for (int r = 0; r < n; r++) {
            for (int j = rowAt.applyAsInt(r) * d, end = j + d; j < end; j++) {
                h = mix(h, Float.floatToRawIntBits(values[j]));
            }
        }
        return h;
    }

    private static long mix(long h, int value) {
        long k = Long.rotateLeft(value * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
        return Long.rotateLeft(h ^ k, 27) * 5 + 0x52DCE729;
    }
}
