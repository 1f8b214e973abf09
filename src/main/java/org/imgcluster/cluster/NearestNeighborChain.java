package org.imgcluster.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nearest-neighbour chain (Murtagh 1983; scipy's {@code nn_chain}): follow nearest neighbours from any cluster
 * until two clusters are each other's nearest, merge them, and go on from the rest of the chain. Exact for reducible
 * linkages (ward, complete, average), where a merge never brings a cluster closer to a third than the nearer of the
 * two was. Each query either extends the chain or ends in a merge, so there are at most about 3n queries in all.
 */
final class NearestNeighborChain {
    private static final Logger log = LoggerFactory.getLogger(NearestNeighborChain.class);

    /** Clusters of one linkage, named by one of their points; a merged cluster keeps the first one's name. */
    interface Clusters {
        int active();

        /** Some active cluster, to start a chain from. */
        int anyActive();

        /** The active cluster nearest to active cluster a (other than a). */
        int nearest(int a);

        /** The linkage distance between two active clusters, as {@link #nearest} compares them. */
        double distance(int a, int b);

        /** Merges b into a; returns the height to record for the merge. */
        double merge(int a, int b);
    }

    private NearestNeighborChain() {
    }

    /** The merge tree of n points; {@code linkage} names it in progress messages. */
    static Dendrogram tree(int n, Clusters clusters, String linkage) {
        Dendrogram.Builder merges = new Dendrogram.Builder(n);
        int[] chain = new int[n];
        int top = 0;
        int reportEvery = Math.max(1, n / 10);
        while (clusters.active() > 1) {
            if (top == 0) {
                chain[top++] = clusters.anyActive();
            }
            int a = chain[top - 1];
            int b = clusters.nearest(a);
            // The previous link wins ties, so the chain cannot cycle between equally near clusters.
            if (top > 1 && clusters.distance(a, chain[top - 2]) <= clusters.distance(a, b)) {
                top -= 2;
                merges.add(a, chain[top], clusters.merge(a, chain[top]));
                if (clusters.active() % reportEvery == 0) {
                    log.debug("{} linkage: {} of {} clusters left", linkage, clusters.active(), n);
                }
            } else {
                chain[top++] = b;
            }
        }
        return merges.build();
    }
}
