package org.imgcluster.cluster;

/**
 * Mini-batch k-means' early stop, as scikit-learn 1.2's {@code _mini_batch_convergence}: the first batch's inertia is
 * ignored (it measures the seeding), the rest are averaged exponentially with weight {@code alpha}, and the run stops
 * once that average has not reached a new minimum for {@code patience} batches in a row.
 */
final class SmoothedInertia {
    private final double alpha;
    private final int patience;
    private int batches;
    private double average = Double.NaN;
    private double lowest = Double.POSITIVE_INFINITY;
    private int sinceLowest;

    SmoothedInertia(double alpha, int patience) {
        this.alpha = alpha;
        this.patience = patience;
    }

    /** Takes one batch's mean inertia; true when the run should stop after this batch. */
    boolean stop(double batchInertia) {
        if (++batches == 1) {
            return false;
        }
        average = Double.isNaN(average) ? batchInertia : average * (1 - alpha) + batchInertia * alpha;
        if (average < lowest) {
            lowest = average;
            sinceLowest = 0;
            return false;
        }
        return ++sinceLowest >= patience;
    }
}
