package org.imgcluster.features;

import java.util.SplittableRandom;

import org.imgcluster.data.EnumNames;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.RowChunks;

/**
 * How an {@link Nmf} picks its starting W and H, as scikit-learn's {@code init}. The three NNDSVD variants share
 * {@link Nndsvd} and differ only in what replaces its zeros; the random draws come from a {@link SplittableRandom}
 * seeded with {@code seed}, so they follow scikit-learn's distributions but not numpy's exact numbers.
 */
public enum NmfInit {
    /** NNDSVD with its zeros filled with the mean of X: scikit-learn's default. */
    NNDSVDA,
    /** Plain NNDSVD: zeros stay zero (sparser factors; coordinate descent can still move them). */
    NNDSVD,
    /** NNDSVD with its zeros filled with |mean(X) · N(0, 1) / 100|. */
    NNDSVDAR,
    /** |N(0, 1)| · √(mean(X) / k) everywhere, H drawn before W. */
    RANDOM;

    /** scikit-learn's name, e.g. {@code nndsvda}. */
    @Override
    public String toString() {
        return EnumNames.of(this);
    }

    /** The init named as scikit-learn names it (case-insensitive). */
    public static NmfInit parse(String text) {
        return EnumNames.parse(NmfInit.class, "init", text);
    }

    /** The starting factors for {@code x} (checked, non-negative), k ≤ min(n, d). */
    NmfFactors start(DenseRows x, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        if (this == RANDOM) {
            double scale = Math.sqrt(mean(x) / k);
            float[] h = new float[k * x.d()];
            float[] w = new float[x.n() * k];
            fillHalfNormal(h, scale, rng);
            fillHalfNormal(w, scale, rng);
            return new NmfFactors(w, h, k);
        }
        NmfFactors factors = Nndsvd.of(x, k);
        double mean = this == NNDSVD ? 0 : mean(x);
        if (this == NNDSVDA) {
            replaceZeros(factors.w(), () -> (float) mean);
            replaceZeros(factors.h(), () -> (float) mean);
        } else if (this == NNDSVDAR) {
            replaceZeros(factors.w(), () -> (float) Math.abs(mean * rng.nextGaussian() / 100));
            replaceZeros(factors.h(), () -> (float) Math.abs(mean * rng.nextGaussian() / 100));
        }
        return factors;
    }

    private static void fillHalfNormal(float[] values, double scale, SplittableRandom rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.abs(scale * rng.nextGaussian());
        }
    }

    private static void replaceZeros(float[] values, FloatSupplier replacement) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) {
                values[i] = replacement.next();
            }
        }
    }

    @FunctionalInterface
    private interface FloatSupplier {
        float next();
    }

    /** The mean of all values, summed in float64 (a float32 sum of 47 million pixels would lose digits). */
    private static double mean(DenseRows x) {
        float[] values = x.values();
        double sum = RowChunks.sum(x.n(), 1, (from, to, sums) -> {
            for (int i = from * x.d(); i < to * x.d(); i++) {
                sums[0] += values[i];
            }
        })[0];
        return sum / ((double) x.n() * x.d());
    }
}
