package org.imgcluster.data;

import java.math.BigInteger;

/**
 * Standard deviation and Pearson correlation from exact integer sums of byte values. The centred products
 * n·Σxy − Σx·Σy are formed in BigInteger (n·Σxy overflows a long for a whole CIFAR split), so nothing is
 * rounded before the final division: results do not depend on summation order, a pixel that is an exact
 * copy (or negative) of another correlates with it at exactly 1 (−1), and a constant pixel gives NaN, as in
 * numpy's {@code corrcoef}.
 */
final class ExactSums {
    private ExactSums() {
    }

    /** n²·cov(x, y) = n·Σxy − Σx·Σy, exactly, then rounded once to a double. */
    static double centredProduct(long n, long sumX, long sumY, long sumXY) {
        return BigInteger.valueOf(n).multiply(BigInteger.valueOf(sumXY))
                .subtract(BigInteger.valueOf(sumX).multiply(BigInteger.valueOf(sumY)))
                .doubleValue();
    }

    /** Population standard deviation (numpy's default ddof=0); NaN when n is 0. */
    static double std(long n, long sum, long sumSquares) {
        return Math.sqrt(centredProduct(n, sum, sum, sumSquares)) / n;
    }

    /** Pearson correlation; NaN when x or y is constant (or n is 0). */
    static double correlation(long n, long sumX, long sumY, long sumXX, long sumYY, long sumXY) {
        double xx = centredProduct(n, sumX, sumX, sumXX);
        double yy = centredProduct(n, sumY, sumY, sumYY);
        if (xx == 0 || yy == 0) {
            return Double.NaN;
        }
        double r = centredProduct(n, sumX, sumY, sumXY) / Math.sqrt(xx * yy);
        return Math.max(-1, Math.min(1, r));
    }
}
