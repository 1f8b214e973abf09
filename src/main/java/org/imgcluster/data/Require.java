package org.imgcluster.data;

/**
 * The parameter checks every algorithm and extractor shares: each refuses a bad value with a one-line
 * {@link BadInputException} that names the key, so the CLI reports it as bad input (exit 2).
 */
public final class Require {
    private Require() {
    }

    /** Refuses a count below {@code min}: "key = value must be ≥ min". */
    public static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new BadInputException(key + " = " + value + " must be ≥ " + min);
        }
    }

    /** Refuses a value that is not a finite number above 0 (NaN included). */
    public static void positive(String key, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new BadInputException(key + " = " + value + " must be a positive number");
        }
    }

    /** Refuses a value that is not a finite number ≥ 0 (NaN included). */
    public static void nonNegative(String key, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new BadInputException(key + " = " + value + " must be a finite number ≥ 0");
        }
    }
}
