package org.imgcluster.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A fitted spectral clustering: the labels k-means gave the spectral embedding, and what the embedding saw. */
public final class SpectralModel implements Clustering {
    private final int[] labels;
    private final int k;
    private final double[] eigenvalues;
    private final int components;
    private final double inertia;

    SpectralModel(int[] labels, int k, double[] eigenvalues, int components, double inertia) {
        this.labels = labels;
        this.k = k;
        this.eigenvalues = eigenvalues;
        this.components = components;
        this.inertia = inertia;
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

    /** The k smallest eigenvalues of the graph's normalised Laplacian, ascending (near 0: a near-separate part). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * {@code graph_components}: connected components of the affinity graph; {@code largest_eigenvalue}: the k-th
     * smallest Laplacian eigenvalue (near 0 when the graph has k nearly separate parts); {@code embedding_inertia}:
     * k-means' inertia on the embedding.
     */
    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("graph_components", (double) components);
        stats.put("largest_eigenvalue", eigenvalues[k - 1]);
        stats.put("embedding_inertia", inertia);
        return stats;
    }
}
