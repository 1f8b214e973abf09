package org.imgcluster.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imgcluster.features.AutoencoderModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fitted {@link DeepEmbeddedClustering}: the labels, the centres in code space, the fine-tuned autoencoder, and what
 * each target update measured. New images are encoded by the fine-tuned encoder and given the argmax of q.
 */
public final class DeepClusteringModel implements Clustering {
    /**
     * One target update: the step it came at, the mean KL(P‖Q) and reconstruction loss per value over the minibatches
     * since the previous update (NaN for the first update, and the reconstruction for DEC), and the fraction of the
     * points whose label changed since the previous update (the first: since k-means).
     */
    public record Update(int iteration, double kl, double reconstruction, double changed) {
    }

    private final String name;
    private final int[] labels;
    private final int[] initialLabels;
    private final INDArray centers;
    private final AutoencoderModel model;
    private final List<Update> history;
    private final int nIter;
    private final boolean converged;

    DeepClusteringModel(String name, int[] labels, int[] initialLabels, INDArray centers, AutoencoderModel model,
                        List<Update> history, int nIter, boolean converged) {
        this.name = name;
        this.labels = labels;
        this.initialLabels = initialLabels;
        this.centers = centers;
        this.model = model;
        this.history = List.copyOf(history);
        this.nIter = nIter;
        this.converged = converged;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The labels k-means gave the pretrained codes, where fine-tuning started (a copy). */
    public int[] initialLabels() {
        return initialLabels.clone();
    }

    @Override
    public int numClusters() {
        return (int) centers.rows();
    }

    /** The centres μ in the code space of {@link #model()}. */
    @Override
    public Optional<INDArray> centers() {
        return Optional.of(centers.dup());
    }

    /** The fine-tuned autoencoder (IDEC's decoder fine-tuned too; DEC's as pretrained). */
    public AutoencoderModel model() {
        return model;
    }

    /** Each target update, in order; the last is the one that gave the labels. */
    public List<Update> history() {
        return history;
    }

    /** Minibatch steps taken. */
    public int nIter() {
        return nIter;
    }

    /** Whether the labels settled (fewer than tol changed) before max_iter. */
    public boolean converged() {
        return converged;
    }

    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("n_iter", (double) nIter);
        stats.put("target_updates", (double) history.size());
        stats.put("converged", converged ? 1.0 : 0.0);
        Update last = history.get(history.size() - 1);
        stats.put("labels_changed", last.changed());
        if (!Double.isNaN(last.kl())) {
            stats.put("kl_divergence", last.kl());
        }
        if (!Double.isNaN(last.reconstruction())) {
            stats.put("reconstruction_loss", last.reconstruction());
        }
        return stats;
    }

    @Override
    public boolean canPredict() {
        return true;
    }

    /** The cluster of each row of x (pixels, as the autoencoder takes them): argmax q of its code. */
    @Override
    public int[] predict(INDArray x) {
        return SoftAssignment.argMax(SoftAssignment.q(model.transform(x), centers, DeepEmbeddedClustering.ALPHA));
    }

    @Override
    public String toString() {
        return name + "(k=" + numClusters() + ", n_iter=" + nIter + ", converged=" + converged + ")";
    }
}
