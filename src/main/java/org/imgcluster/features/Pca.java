package org.imgcluster.features;

import java.util.Objects;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Principal component analysis as scikit-learn's {@code PCA(n_components, whiten, svd_solver="full")}: the same
 * components (signs included), variances, transform and whitening, to float32 rounding. It eigen-decomposes the scatter
 * matrix instead of taking the SVD of the data ({@link PrincipalAxes}), which for 60,000×784 is one GEMM and a 784²
 * eigenproblem. Memory: the data plus one d×d (or n×n when d > n) matrix, in float and double, and 32 MB blocks.
 */
public record Pca(ComponentCount nComponents, boolean whiten) implements FeatureExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(Pca.class);

    public Pca {
        Objects.requireNonNull(nComponents, "nComponents");
    }

    /** Keeps {@code nComponents} components. */
    public static Pca of(int nComponents) {
        return new Pca(new ComponentCount.Fixed(nComponents), false);
    }

    /** Keeps the fewest components that explain more than {@code target} (0 &lt; target &lt; 1) of the variance. */
    public static Pca ofVariance(double target) {
        return new Pca(new ComponentCount.VarianceTarget(target), false);
    }

    /** Keeps every component: min(n_samples, n_features). */
    public static Pca all() {
        return new Pca(new ComponentCount.All(), false);
    }

    /** The same, with the output scaled to unit variance per component. */
    public Pca withWhiten(boolean scaleToUnitVariance) {
        return new Pca(nComponents, scaleToUnitVariance);
    }

    @Override
    public String name() {
        return "pca(n_components=" + nComponents + (whiten ? ", whiten=true" : "") + ")";
    }

    @Override
    public PcaModel fit(INDArray data) {
        DenseRows x = DenseRows.of(data, "training data");
        if (x.n() < 2) {
            throw new BadInputException("PCA needs at least 2 training rows (variances divide by n − 1), got " + x.n());
        }
        long start = System.nanoTime();
        float[] mean = columnMeans(x);
        INDArray meanRow = Distances.matrix(mean, 1, x.d());
        PrincipalAxes axes = PrincipalAxes.of(x, meanRow);
        VarianceSpectrum spectrum = axes.spectrum();
        int k = nComponents.resolve(spectrum);
        float[] components = axes.leading(k);
        long signsStart = System.nanoTime();
        SignConvention.apply(x.array(), meanRow, components, k);
        LOG.debug("{} on {}×{}: {} components, axes {} ms, signs {} ms", name(), x.n(), x.d(), k,
                (signsStart - start) / 1_000_000, (System.nanoTime() - signsStart) / 1_000_000);
        return new PcaModel(this, x.n(), mean, components, k, spectrum);
    }

    /** Column means summed in float64: a float32 running sum over 60,000 rows would lose digits. */
    private static float[] columnMeans(DenseRows x) {
        double[] sums = new double[x.d()];
        float[] values = x.values();
        for (int i = 0; i < x.n(); i++) {
            int row = i * x.d();
            for (int j = 0; j < x.d(); j++) {
                sums[j] += values[row + j];
            }
        }
        float[] mean = new float[x.d()];
        for (int j = 0; j < x.d(); j++) {
            mean[j] = (float) (sums[j] / x.n());
        }
        return mean;
    }
}
