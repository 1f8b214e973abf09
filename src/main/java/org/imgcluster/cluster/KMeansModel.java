package org.imgcluster.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A fitted k-means (or mini-batch k-means): centres, training labels, inertia; assigns new points to a centre. */
public final class KMeansModel implements Clustering {
    private static final long BLOCK_BYTES = 64L << 20;

    private final int[] labels;
    private final INDArray centers;
    private final double inertia;
    private final int nIter;

    KMeansModel(int[] labels, INDArray centers, double inertia, int nIter) {
        this.labels = labels;
        this.centers = centers;
        this.inertia = inertia;
        this.nIter = nIter;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int numClusters() {
        return (int) centers.rows();
    }

    @Override
    public Optional<INDArray> centers() {
        return Optional.of(centers.dup());
    }

    /** Sum of squared distances of the training points to their centres. */
    public double inertia() {
        return inertia;
    }

    /** Lloyd iterations of the best run. */
    public int nIter() {
        return nIter;
    }

    @Override
    public Map<String, Double> statistics() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("inertia", inertia);
        stats.put("n_iter", (double) nIter);
        return stats;
    }

    @Override
    public boolean canPredict() {
        return true;
    }

    @Override
    public int[] predict(INDArray x) {
        DenseRows points = DenseRows.of(x, "points to predict");
        if (points.d() != centers.columns()) {
            throw new IllegalArgumentException("points to predict have " + points.d() + " features, the model "
                    + centers.columns());
        }
        int[] out = new int[points.n()];
        Assignment.assign(points.array(), points.squaredNorms(), centers, out, new float[points.n()], BLOCK_BYTES);
        return out;
    }
}
