package org.imgcluster.semi;

import java.util.Map;
import java.util.Optional;

import org.imgcluster.cluster.Clustering;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link LabelSpreading} spread: each point's class distribution (rows normalised to sum 1, as scikit-learn's
 * {@code label_distributions_}) and the class it takes ({@code transduction_}). As a {@link Clustering} its clusters are
 * the class ids themselves, so they are scored against the true labels without any mapping.
 */
public final class LabelSpreadingModel implements Clustering {
    private final double[] distributions;
    private final int[] classes;
    private final int[] transduction;
    private final int iterations;

    private LabelSpreadingModel(double[] distributions, int[] classes, int[] transduction, int iterations) {
        this.distributions = distributions;
        this.classes = classes;
        this.transduction = transduction;
        this.iterations = iterations;
    }

    /** From the spread values F (n×classes, unnormalised; taken over). */
    static LabelSpreadingModel of(double[] f, int[] classes, int iterations) {
        int c = classes.length;
        int n = f.length / c;
        int[] transduction = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int best = 0;
            for (int t = 0; t < c; t++) {
                sum += f[i * c + t];
                best = f[i * c + t] > f[i * c + best] ? t : best;
            }
            double normalizer = sum == 0 ? 1 : sum;
            for (int t = 0; t < c; t++) {
                f[i * c + t] /= normalizer;
            }
            transduction[i] = classes[best];
        }
        return new LabelSpreadingModel(f, classes.clone(), transduction, iterations);
    }

    /** The class each point took (scikit-learn's {@code transduction_}). */
    @Override
    public int[] labels() {
        return transduction.clone();
    }

    /** The largest class id + 1: clusters are class ids. */
    @Override
    public int numClusters() {
        return classes[classes.length - 1] + 1;
    }

    /** The class ids that were given, ascending (the columns of {@link #distribution}). */
    public int[] classes() {
        return classes.clone();
    }

    /** Point i's share of each class in {@link #classes()} order. */
    public double[] distribution(int i) {
        double[] out = new double[classes.length];
        System.arraycopy(distributions, i * classes.length, out, 0, classes.length);
        return out;
    }

    public int nIter() {
        return iterations;
    }

    @Override
    public Optional<INDArray> centers() {
        return Optional.empty();
    }

    @Override
    public Map<String, Double> statistics() {
        return Map.of("n_iter", (double) iterations);
    }
}
