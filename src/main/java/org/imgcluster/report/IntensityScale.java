package org.imgcluster.report;

import java.util.Locale;

/**
 * How float images (means, standard deviations, centroids) become grey levels: {@code low} maps to black,
 * {@code high} to white, linearly, values outside are clamped and NaN is drawn black. Grids say the rule in
 * their title with {@link #describe()}, so a reader knows whether two cells are comparable.
 */
public record IntensityScale(double low, double high) {
    /** Pixel values as they are: 0 black, 255 white. */
    public static final IntensityScale BYTE_RANGE = new IntensityScale(0, 255);

    public IntensityScale {
        if (!(low < high)) {
            throw new IllegalArgumentException("intensity scale needs low < high, got " + low + ".." + high);
        }
    }

    /** From 0 to the largest finite value over all the images, shared so that cells compare (e.g. std images). */
    public static IntensityScale zeroToMax(float[]... images) {
        double max = 0;
        for (float[] image : images) {
            for (float v : image) {
                if (Float.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return new IntensityScale(0, max > 0 ? max : 1);
    }

    /** The grey level 0..255 of one value. */
    public int level(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double unit = (value - low) / (high - low);
        return (int) Math.round(255 * Math.max(0, Math.min(1, unit)));
    }

    /** The rule in words, e.g. "0 → black, 127.5 → white, linear" (per channel for colour images). */
    public String describe() {
        return String.format(Locale.ROOT, "%s → black, %s → white, linear", number(low), number(high));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
