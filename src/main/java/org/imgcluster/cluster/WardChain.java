package org.imgcluster.cluster;

import org.imgcluster.linalg.DenseRows;

/**
 * Ward linkage by the {@link NearestNeighborChain} on cluster centroids. The distance is Ward's increase in
 * within-cluster sum of squares, Δ(A,B) = |A||B|/(|A|+|B|)·‖c_A − c_B‖², reported as √(2Δ) like scipy's {@code ward}
 * (the Euclidean distance for two points). Active clusters' centroids stay packed at the front of one double array (a
 * merged-away cluster's slot takes the last one), so the nearest-neighbour scan, the hot loop, streams through memory
 * and splits across cores. Memory: O(n·d); time: O(n²·d).
 */
final class WardChain implements NearestNeighborChain.Clusters {
    /**
     * Below this many active clusters × features one core scans faster than a hand-off to several (measured here:
     * a threshold of 1 << 17 made ward on 10,000×50 take 1.6 s instead of 0.93 s).
     */
    private static final int PARALLEL_WORK = 1 << 20;

    private final int d;
    private final double[] centroids;
    private final int[] sizes;
    private final int[] pointAt;
    private final int[] slotOf;
    private int active;

    private WardChain(DenseRows x) {
        int n = x.n();
        d = x.d();
        centroids = SquaredDistance.widened(x.values());
        sizes = new int[n];
        pointAt = new int[n];
        slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = 1;
            pointAt[i] = i;
            slotOf[i] = i;
        }
        active = n;
    }

    /** The Ward tree of the rows of {@code x}. */
    static Dendrogram tree(DenseRows x) {
        return NearestNeighborChain.tree(x.n(), new WardChain(x), "ward");
    }

    @Override
    public int active() {
        return active;
    }

    @Override
    public int anyActive() {
        return pointAt[0];
    }

    @Override
    public int nearest(int a) {
        int p = slotOf[a];
        return pointAt[ParallelArgMin.of(active, PARALLEL_WORK / d, new ParallelArgMin.Scan() {
            @Override
            public int argMin(int from, int to) {
                return nearestIn(p, from, to);
            }

            @Override
            public double cost(int slot) {
                return delta(p, slot);
            }
        })];
    }

    @Override
    public double distance(int a, int b) {
        return delta(slotOf[a], slotOf[b]);
    }

    /** Returns √(2Δ), scipy's height; b's slot takes the last active cluster. */
    @Override
    public double merge(int a, int b) {
        return Math.sqrt(2 * mergeSlots(slotOf[a], slotOf[b]));
    }

    /** The slot in from..to-1 (other than p) with the smallest Δ to p; -1 if there is none. */
    private int nearestIn(int p, int from, int to) {
        int best = -1;
        double bestDelta = Double.POSITIVE_INFINITY;
        double sp = sizes[p];
        // The weight depends only on the two sizes, and most clusters share a few small sizes: the divisions are
        // redone only when the size or the best Δ changes (they cost as much as a short distance).
        int weightSize = -1;
        double weight = 0;
        double limit = Double.POSITIVE_INFINITY;
        boolean stale = true;
        for (int q = from; q < to; q++) {
            if (q == p) {
                continue;
            }
            if (sizes[q] != weightSize) {
                weightSize = sizes[q];
                weight = sp * weightSize / (sp + weightSize);
                stale = true;
            }
            if (stale) {
                // The slack keeps an abandoned partial sum from passing the exact test below by rounding.
                limit = bestDelta / weight * (1 + 1e-12);
                stale = false;
            }
            double dist = squaredDistance(p, q, limit);
            if (dist < limit && weight * dist < bestDelta) {
                bestDelta = weight * dist;
                best = q;
                stale = true;
            }
        }
        return best;
    }

    private double delta(int p, int q) {
        double sp = sizes[p];
        return sp * sizes[q] / (sp + sizes[q]) * squaredDistance(p, q, Double.POSITIVE_INFINITY);
    }

    private double squaredDistance(int p, int q, double limit) {
        return SquaredDistance.upTo(centroids, p * d, centroids, q * d, d, limit);
    }

    /** Merges the clusters in slots p and q into slot p; returns their Δ. Slot q takes the last active cluster. */
    private double mergeSlots(int p, int q) {
        double delta = delta(p, q);
        double sp = sizes[p];
        double sq = sizes[q];
        int a = p * d;
        int b = q * d;
        for (int t = 0; t < d; t++) {
            centroids[a + t] = (sp * centroids[a + t] + sq * centroids[b + t]) / (sp + sq);
        }
        sizes[p] += sizes[q];
        int last = --active;
        System.arraycopy(centroids, last * d, centroids, q * d, d);
        sizes[q] = sizes[last];
        pointAt[q] = pointAt[last];
        slotOf[pointAt[q]] = q;
        return delta;
    }
}
