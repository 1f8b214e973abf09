package org.imgcluster.cluster;

import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Matrices;
import org.imgcluster.linalg.QuadraticMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Agglomerative (hierarchical) clustering as scikit-learn's {@code AgglomerativeClustering} with Euclidean distances
 * and no connectivity constraint: the full merge tree, cut into {@code nClusters} clusters. On input without ties in
 * the distances the partition is scikit-learn's (its numbering may differ).
 * <ul>
 * <li>{@code ward}: nearest-neighbour chain on centroids ({@link WardChain}); O(n·d) memory, runs on 60,000 points.
 * <li>{@code complete}, {@code average}: nearest-neighbour chain on the pairwise distance matrix
 * ({@link PairwiseLinkage}); n(n−1)/2 floats, so sizes that would not fit in the heap are refused up front.
 * <li>{@code single}: minimum spanning tree by Prim's algorithm ({@link SingleLinkage}); O(n·d) memory.
 * </ul>
 */
public record AgglomerativeClustering(int nClusters, String linkage) implements Clusterer {

    public AgglomerativeClustering {
        Require.atLeast("n_clusters", nClusters, 1);
        Linkage.parse(linkage);
    }

    /** scikit-learn's default linkage, ward. */
    public static AgglomerativeClustering of(int nClusters) {
        return new AgglomerativeClustering(nClusters, "ward");
    }

    public AgglomerativeClustering withLinkage(String name) {
        return new AgglomerativeClustering(nClusters, name);
    }

    @Override
    public String name() {
        return "agglomerative-" + linkage;
    }

    @Override
    public AgglomerativeModel fit(INDArray x) {
        return fit(x, QuadraticMemory.availableHeap());
    }

    /** {@link #fit(INDArray)} with the heap the distance matrix may use given, so tests can force a refusal. */
    AgglomerativeModel fit(INDArray x, long heapBytes) {
        DenseRows rows = DenseRows.of(x, "features");
        Matrices.requireClusterCount("n_clusters", nClusters, rows.n());
        Linkage kind = Linkage.parse(linkage);
        Dendrogram tree = switch (kind) {
            case WARD -> WardChain.tree(rows);
            case SINGLE -> SingleLinkage.tree(rows);
            case COMPLETE, AVERAGE -> {
                PairwiseLinkage.requireFits(kind, rows.n(), heapBytes);
                yield PairwiseLinkage.tree(rows, kind);
            }
        };
        return new AgglomerativeModel(tree, nClusters);
    }
}
