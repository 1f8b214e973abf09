package org.imgcluster.cluster;

import java.util.Arrays;

import org.imgcluster.linalg.DenseRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single linkage from the Euclidean minimum spanning tree, grown by Prim's algorithm with distances computed on the
 * fly (as scikit-learn's {@code mst_linkage_core}): sorting the tree's edges by length gives the merges. The points
 * not yet in the tree stay packed at the front of one array, so each step's scan streams through memory and splits
 * across cores. Memory: O(n·d); time: O(n²·d).
 */
final class SingleLinkage {
    private static final Logger log = LoggerFactory.getLogger(SingleLinkage.class);
    /** Below this many remaining points × features one core scans faster than a hand-off to several. */
    private static final int PARALLEL_WORK = 1 << 17;

    private final int n;
    private final int d;
    private final double[] rows;
    private final int[] pointAt;
    /** Per slot: squared distance to the nearest tree point, and that point. */
    private final double[] reach;
    private final int[] via;
    private int outside;

    private SingleLinkage(DenseRows x) {
        n = x.n();
        d = x.d();
        rows = SquaredDistance.widened(x.values());
        pointAt = new int[n];
        Arrays.setAll(pointAt, i -> i);
        reach = new double[n];
        Arrays.fill(reach, Double.POSITIVE_INFINITY);
        via = new int[n];
        outside = n;
    }

    /** The single-linkage tree of the rows of {@code x}. */
    static Dendrogram tree(DenseRows x) {
        return new SingleLinkage(x).run();
    }

    private Dendrogram run() {
        Dendrogram.Builder merges = new Dendrogram.Builder(n);
        double[] added = new double[d];
        int addedPoint = take(0, added);
        int reportEvery = Math.max(1, n / 10);
        while (outside > 0) {
            int point = addedPoint;
            int slot = ParallelArgMin.of(outside, PARALLEL_WORK / d, new ParallelArgMin.Scan() {
                @Override
                public int argMin(int from, int to) {
                    return relax(point, added, from, to);
                }

                @Override
                public double cost(int s) {
                    return reach[s];
                }
            });
            merges.add(via[slot], pointAt[slot], Math.sqrt(reach[slot]));
            addedPoint = take(slot, added);
            if (outside % reportEvery == 0) {
                log.debug("single linkage: {} of {} points left outside the spanning tree", outside, n);
            }
        }
        return merges.build();
    }

    /** Lowers the reach of slots from..to-1 by the point just added (its row in {@code added}); returns the nearest. */
    private int relax(int point, double[] added, int from, int to) {
        int best = -1;
        double bestReach = Double.POSITIVE_INFINITY;
        for (int s = from; s < to; s++) {
            double sum = SquaredDistance.upTo(added, 0, rows, s * d, d, reach[s]);
            if (sum < reach[s]) {
                reach[s] = sum;
                via[s] = point;
            }
            if (reach[s] < bestReach) {
                bestReach = reach[s];
                best = s;
            }
        }
        return best;
    }

    /** Moves the point in {@code slot} into the tree, its row into {@code row}; the last outside slot fills the gap. */
    private int take(int slot, double[] row) {
        int point = pointAt[slot];
        for (int t = 0; t < d; t++) {
            row[t] = rows[slot * d + t];
        }
        int last = --outside;
        System.arraycopy(rows, last * d, rows, slot * d, d);
        pointAt[slot] = pointAt[last];
        reach[slot] = reach[last];
        via[slot] = via[last];
        return point;
    }
}
