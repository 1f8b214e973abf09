package org.imgcluster.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A fitted agglomerative clustering: the full merge tree and its cut into the requested number of clusters. */
public final class AgglomerativeModel implements Clustering {
    private final Dendrogram tree;
    private final int k;
    private final int[] labels;

    AgglomerativeModel(Dendrogram tree, int k) {
        this.tree = tree;
        this.k = k;
        this.labels = tree.cut(k);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int numClusters() {
        return k;
    }

    @Override
    public Optional<INDArray> centers() {
        return Optional.empty();
    }

    /** The whole tree, e.g. to cut at another number of clusters or to draw. */
    public Dendrogram dendrogram() {
        return tree;
    }

    /**
     * {@code last_merge_height}: the height of the last merge kept (0 when none is), {@code next_merge_height}: the
     * height of the first merge undone (NaN for one cluster); any threshold between them gives the same partition.
     */
    @Override
    public Map<String, Double> statistics() {
        int kept = tree.n() - k;
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("last_merge_height", kept == 0 ? 0.0 : tree.heights()[kept - 1]);
        stats.put("next_merge_height", k == 1 ? Double.NaN : tree.heights()[kept]);
        return stats;
    }
}
