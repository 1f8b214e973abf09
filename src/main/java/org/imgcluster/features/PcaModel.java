package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fitted {@link Pca}: the training mean, k components (unit rows, decreasing variance) and the variance spectrum.
 * Attribute names follow scikit-learn's ({@code components_}, {@code explained_variance_}, ...). Immutable.
 */
public final class PcaModel implements FittedFeatures {
    private static final String KIND = "pca";

    private final Pca extractor;
    private final int nSamples;
    private final int k;
    private final int d;
    private final float[] mean;
    private final float[] componentValues;
    private final VarianceSpectrum spectrum;
    private final INDArray meanRow;
    private final INDArray components;
    /** √(explained variance) per component, 1×k: whitening divides the scores by it, its inverse multiplies. */
    private final INDArray scale;

    /** Takes over {@code mean} (d) and {@code components} (k×d, row-major). */
    PcaModel(Pca extractor, int nSamples, float[] mean, float[] components, int k, VarianceSpectrum spectrum) {
        this.extractor = extractor;
        this.nSamples = nSamples;
        this.k = k;
        this.d = mean.length;
        this.mean = mean;
        this.componentValues = components;
        this.spectrum = spectrum;
        this.meanRow = NdArrays.matrix(mean, 1, d);
        this.components = NdArrays.matrix(components, k, d);
        float[] sd = new float[k];
        for (int j = 0; j < k; j++) {
            if (extractor.whiten() && !(spectrum.variance(j) > 0)) {
                throw new BadInputException("whiten = true, but component " + (j + 1) + " of " + k
                        + " has zero variance and cannot be scaled to unit variance; keep at most " + j
                        + " components or set whiten = false");
            }
            sd[j] = (float) Math.sqrt(spectrum.variance(j));
        }
        this.scale = NdArrays.matrix(sd, 1, k);
    }

    /** The extractor (hyper-parameters) that produced this model. */
    public Pca extractor() {
        return extractor;
    }

    @Override
    public String name() {
        return extractor.name();
    }

    @Override
    public int inputDimension() {
        return d;
    }

    @Override
    public int outputDimension() {
        return k;
    }

    /** The number of components kept (scikit-learn's {@code n_components_}). */
    public int nComponents() {
        return k;
    }

    public int nSamples() {
        return nSamples;
    }

    /** The training mean ({@code mean_}). */
    public float[] mean() {
        return mean.clone();
    }

    /** The components as a k×d matrix of unit rows ({@code components_}), a copy. */
    public INDArray components() {
        return components.dup();
    }

    /** The variance along each kept component ({@code explained_variance_}). */
    public double[] explainedVariance() {
        return Arrays.copyOf(spectrum.variances(), k);
    }

    /** Each kept component's share of the total variance ({@code explained_variance_ratio_}). */
    public double[] explainedVarianceRatio() {
        return Arrays.copyOf(spectrum.ratios(), k);
    }

    /** Running sums of {@link #explainedVarianceRatio()}. */
    public double[] cumulativeVarianceRatio() {
        return Arrays.copyOf(spectrum.cumulativeRatios(), k);
    }

    /** The singular values of the centred training data for the kept components ({@code singular_values_}). */
    public double[] singularValues() {
        return Arrays.copyOf(spectrum.singularValues(), k);
    }

    /** The mean variance of the components left out, 0 when none was ({@code noise_variance_}). */
    public double noiseVariance() {
        return spectrum.noiseVariance(k);
    }

    /** The variance along every axis of the training data, kept or not, for scree and cumulative-variance plots. */
    public VarianceSpectrum spectrum() {
        return spectrum;
    }

    /** The scores (x − mean)·componentsᵀ, divided by √(explained variance) when whitening. */
    @Override
    public INDArray transform(INDArray x) {
        DenseRows rows = FeatureInputs.require(x, d, "data to transform", name());
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, rows.n(), k);
        CentredBlocks.forEach(rows.array(), meanRow, (from, block) -> {
            INDArray scores = NdArrays.timesTransposed(block, components);
            if (extractor.whiten()) {
                scores.diviRowVector(scale);
            }
            out.get(NDArrayIndex.interval(from, from + block.rows()), NDArrayIndex.all()).assign(scores);
        });
        return out;
    }

    /** Reconstructions from scores (n×k): scores·components + mean, whitening undone first. */
    public INDArray inverseTransform(INDArray scores) {
        INDArray y = FeatureInputs.require(scores, k, "scores to invert", name()).array();
        INDArray unwhitened = extractor.whiten() ? y.mulRowVector(scale) : y;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, y.rows(), d);
        Nd4j.gemm(unwhitened, components, out, false, false, 1.0, 0.0);
        return out.addiRowVector(meanRow);
    }

    @Override
    public void save(Path file) throws IOException {
        new ModelFile.Writer(KIND)
                .config("n_components", extractor.nComponents().toString())
                .config("whiten", extractor.whiten())
                .config("n_samples", nSamples)
                .config("n_features", d)
                .config("n_components_", k)
                .config("axes", spectrum.size())
                .floats("mean", mean, d)
                .floats("components", componentValues, k, d)
                .doubles("explained_variance_all", spectrum.variances(), spectrum.size())
                .writeTo(file);
    }

    /** Reads a model written by {@link #save}; a file that is not one, truncated or corrupt is refused in one line. */
    public static PcaModel load(Path file) {
        ModelFile model = ModelFile.read(file, KIND);
        int nSamples = model.intField("n_samples");
        int d = model.intField("n_features");
        int k = model.intField("n_components_");
        int axes = model.intField("axes");
        if (nSamples < 2 || d < 1 || axes != Math.min(nSamples, d) || k < 1 || k > axes) {
            throw model.bad("inconsistent sizes: n_samples " + nSamples + ", n_features " + d + ", axes " + axes
                    + ", n_components_ " + k);
        }
        String requested = model.textField("n_components");
        boolean whiten = model.booleanField("whiten");
        float[] mean = model.floats("mean", d);
        float[] components = model.floats("components", k, d);
        double[] variances = model.doubles("explained_variance_all", axes);
        try {
            return new PcaModel(new Pca(ComponentCount.parse(requested), whiten), nSamples, mean, components, k,
                    new VarianceSpectrum(variances, nSamples));
        } catch (IllegalArgumentException e) {
            throw model.bad(e.getMessage());
        }
    }
}
