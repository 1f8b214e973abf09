package org.imgcluster.metrics;

import java.util.SplittableRandom;

import org.imgcluster.data.Require;
import org.imgcluster.linalg.RandomRows;
import org.imgcluster.linalg.Matrices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The silhouette with Euclidean distances, exactly as scikit-learn's {@code silhouette_samples} and
 * {@code silhouette_score}: s = (b − a) / max(a, b) with a the mean distance to the rest of the point's cluster and
 * b the smallest mean distance to another cluster; 0 for points alone in their cluster. O(n²d) time in blocks of
 * GEMM distances, each pair of blocks computed once; never n×n memory: n·k doubles of per-cluster distance sums, two
 * gathered blocks of rows and one block of distances within {@code budgetBytes}.
 */
public final class Silhouette {
    /** The default cap on one block of pairwise distances. */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    private Silhouette() {
    }

    /** The mean silhouette of all points. */
    public static double score(INDArray x, int[] labels) {
        return mean(samples(x, labels));
    }

    /**
     * The mean silhouette of a random sample of {@code sampleSize} points (all points when it is ≥ n), computed
     * within the sample, as scikit-learn's {@code silhouette_score(sample_size=...)}; the same seed picks the same
     * sample (not the one numpy would pick).
     */
    public static double score(INDArray x, int[] labels, int sampleSize, long seed) {
        requireInput(x, labels);
        Require.atLeast("sample_size", sampleSize, 1);
        int[] picked = RandomRows.distinct(new SplittableRandom(seed), labels.length, Math.min(sampleSize, labels.length));
        int[] sampleLabels = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            sampleLabels[i] = labels[picked[i]];
        }
        INDArray sample = Nd4j.pullRows(asFloat(x), 1, picked, 'c');
        double score = mean(samplesOfCheckedInput(sample, sampleLabels, DEFAULT_BUDGET_BYTES));
        sample.close();
        return score;
    }

    /** The silhouette of each point (for silhouette plots). */
    public static double[] samples(INDArray x, int[] labels) {
        return samples(x, labels, DEFAULT_BUDGET_BYTES);
    }

    /** {@link #samples(INDArray, int[])} with one block of distances taking at most {@code budgetBytes}. */
    public static double[] samples(INDArray x, int[] labels, long budgetBytes) {
        requireInput(x, labels);
        Require.atLeast("budget_bytes", budgetBytes, Float.BYTES);
        return samplesOfCheckedInput(asFloat(x), labels, budgetBytes);
    }

    private static void requireInput(INDArray x, int[] labels) {
        Matrices.requireFiniteMatrix(x, "x");
        Labels.requireValid("labels", labels);
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException("labels has " + labels.length + " ids but x has " + x.rows()
                    + " rows; give one label per row");
        }
    }

    private static double[] samplesOfCheckedInput(INDArray x, int[] labels, long budgetBytes) {
        int n = labels.length;
        Labels.Encoded clusters = Labels.encode(labels);
        int k = clusters.count();
        if (k < 2 || k >= n) {
            throw new IllegalArgumentException("labels hold " + k + " distinct clusters for " + n
                    + " points; the silhouette needs 2 to n−1 clusters");
        }
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("labels hold " + k + " clusters for " + n + " points, too many for the "
                    + "n×k distance sums; pass a sampleSize");
        }
        double[] sums = ClusterDistanceSums.compute(x, clusters.codes(), k, budgetBytes);
        long[] sizes = clusters.sizes();
        double[] silhouette = new double[n];
        for (int i = 0; i < n; i++) {
            int own = clusters.codes()[i];
            if (sizes[own] == 1) {
                continue; // a point alone in its cluster scores 0
            }
            double a = sums[i * k + own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[i * k + c] / sizes[c]);
                }
            }
            double scale = Math.max(a, b);
            silhouette[i] = scale == 0 ? 0 : (b - a) / scale;
        }
        return silhouette;
    }

    private static INDArray asFloat(INDArray x) {
        return x.dataType() == DataType.FLOAT ? x : x.castTo(DataType.FLOAT);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
