package org.imgcluster.features;

import org.imgcluster.data.BadInputException;

/**
 * How many principal components a {@link Pca} keeps, as scikit-learn's {@code n_components}: a count, a variance
 * target (the fewest components whose explained-variance ratios add up to more than it, as {@code n_components=0.95}),
 * or all of them ({@code None}). Written and parsed as {@code 50}, {@code 0.95}, {@code all}.
 */
public sealed interface ComponentCount {
    String ALLOWED = "a count ≥ 1, a variance target strictly between 0 and 1, or all";

    /** The number of components to keep for this spectrum (at most its size, min(n, d)). */
    int resolve(VarianceSpectrum spectrum);

    /** {@code "all"}, a number with a point or exponent (a variance target) or an integer (a count). */
    static ComponentCount parse(String text) {
        String t = text.strip();
        try {
            if (t.equalsIgnoreCase("all")) {
                return new All();
            }
            if (t.contains(".") || t.contains("e") || t.contains("E")) {
                return new VarianceTarget(Double.parseDouble(t));
            }
            return new Fixed(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new BadInputException("n_components = '" + text + "' is not " + ALLOWED);
        }
    }

    /** Exactly {@code count} components. */
    record Fixed(int count) implements ComponentCount {
        public Fixed {
            if (count < 1) {
                throw new BadInputException("n_components = " + count + " must be " + ALLOWED);
            }
        }

        @Override
        public int resolve(VarianceSpectrum spectrum) {
            if (count > spectrum.size()) {
                throw new BadInputException("n_components = " + count + " is outside 1.." + spectrum.size()
                        + " (min(n_samples, n_features) of the training data)");
            }
            return count;
        }

        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }

    /** The fewest components whose cumulative explained-variance ratio exceeds {@code target}. */
    record VarianceTarget(double target) implements ComponentCount {
        public VarianceTarget {
            if (!(target > 0 && target < 1)) {
                throw new BadInputException("n_components = " + target + " must be " + ALLOWED);
            }
        }

        /** scikit-learn's {@code searchsorted(cumsum, target, side="right") + 1}: a ratio equal to it is not enough. */
        @Override
        public int resolve(VarianceSpectrum spectrum) {
            double[] cumulative = spectrum.cumulativeRatios();
            int reached = 0;
            while (reached < cumulative.length && cumulative[reached] <= target) {
                reached++;
            }
            return Math.min(reached + 1, cumulative.length);
        }

        @Override
        public String toString() {
            return Double.toString(target);
        }
    }

    /** Every component: min(n_samples, n_features). */
    record All() implements ComponentCount {
        @Override
        public int resolve(VarianceSpectrum spectrum) {
            return spectrum.size();
        }

        @Override
        public String toString() {
            return "all";
        }
    }
}
