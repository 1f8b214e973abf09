package org.imgcluster.cluster;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.KnnGraph;
import org.imgcluster.linalg.QuadraticMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spectral clustering as scikit-learn's {@code SpectralClustering(assign_labels="kmeans")}: an affinity graph, the
 * {@link SpectralEmbedding} of its normalised Laplacian in {@code nClusters} dimensions, then k-means ({@code nInit}
 * restarts) on the embedded points.
 * <ul>
 * <li>{@code nearest_neighbors}: ½(C + Cᵀ) for the {@code nNeighbors}-nearest-neighbour connectivity C (each point its
 * own first neighbour); sparse, O(n·nNeighbors) memory, built by {@link KnnGraph}.
 * <li>{@code rbf}: exp(−γ‖x_i − x_j‖²) for every pair; n² floats, so sizes that would not fit are refused.
 * </ul>
 * {@link #of} picks {@code nearest_neighbors}, not sklearn's default {@code rbf}: image features need the graph's
 * locality, and its memory is linear. A graph that falls apart is logged as a warning, as sklearn warns.
 */
public record SpectralClustering(int nClusters, String affinity, int nNeighbors, double gamma, int nInit, long seed)
        implements Clusterer {
    private static final Logger log = LoggerFactory.getLogger(SpectralClustering.class);
    private static final String NEAREST_NEIGHBORS = "nearest_neighbors";
    private static final String RBF = "rbf";

    public SpectralClustering {
        Require.atLeast("n_clusters", nClusters, 1);
        if (!NEAREST_NEIGHBORS.equals(affinity) && !RBF.equals(affinity)) {
            throw new BadInputException("affinity = \"" + affinity + "\" is not one of " + NEAREST_NEIGHBORS
                    + ", " + RBF);
        }
        Require.atLeast("n_neighbors", nNeighbors, 1);
        Require.positive("gamma", gamma);
        Require.atLeast("n_init", nInit, 1);
    }

    /** nearest_neighbors with scikit-learn's other defaults: n_neighbors 10, gamma 1.0, n_init 10, seed 0. */
    public static SpectralClustering of(int nClusters) {
        return new SpectralClustering(nClusters, NEAREST_NEIGHBORS, 10, 1.0, 10, 0);
    }

    public SpectralClustering withAffinity(String name) {
        return new SpectralClustering(nClusters, name, nNeighbors, gamma, nInit, seed);
    }

    public SpectralClustering withNNeighbors(int n) {
        return new SpectralClustering(nClusters, affinity, n, gamma, nInit, seed);
    }

    public SpectralClustering withGamma(double g) {
        return new SpectralClustering(nClusters, affinity, nNeighbors, g, nInit, seed);
    }

    public SpectralClustering withNInit(int n) {
        return new SpectralClustering(nClusters, affinity, nNeighbors, gamma, n, seed);
    }

    public SpectralClustering withSeed(long s) {
        return new SpectralClustering(nClusters, affinity, nNeighbors, gamma, nInit, s);
    }

    @Override
    public String name() {
        return "spectral";
    }

    @Override
    public SpectralModel fit(INDArray x) {
        return fit(x, QuadraticMemory.availableHeap());
    }

    /** {@link #fit(INDArray)} with the heap a dense affinity may use given, so tests can force a refusal. */
    SpectralModel fit(INDArray x, long heapBytes) {
        DenseRows rows = DenseRows.of(x, "features");
        int n = rows.n();
        if (nClusters >= n) {
            throw new IllegalArgumentException("n_clusters = " + nClusters + " is outside 1.." + (n - 1)
                    + " (spectral clustering needs fewer clusters than its " + n + " points)");
        }
        NormalizedAffinity graph;
        if (RBF.equals(affinity)) {
            RbfAffinity.requireFits(n, heapBytes);
            graph = RbfAffinity.of(rows, gamma);
        } else {
            graph = NormalizedAffinity.of(KnnGraph.of(rows, nNeighbors, true));
        }
        if (graph.components() > 1) {
            log.warn("Graph is not fully connected ({} components), spectral embedding may not work as expected",
                    graph.components());
        }
        SpectralEmbedding embedding = SpectralEmbedding.of(graph, nClusters);
        KMeansModel kmeans = KMeans.of(nClusters).withNInit(nInit).withSeed(seed).fit(embedding.rows());
        return new SpectralModel(kmeans.labels(), nClusters, embedding.eigenvalues(), graph.components(),
                kmeans.inertia());
    }
}
