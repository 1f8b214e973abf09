package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted {@link Nmf}: the k×d non-negative components H ({@code components_}), the training fit's
 * {@code reconstruction_err_} and {@code n_iter_}. The features of new rows are W for this fixed H. Immutable.
 */
public final class NmfModel implements FittedFeatures {
    private static final String KIND = "nmf";

    private final Nmf extractor;
    private final int nSamples;
    private final int d;
    private final float[] componentValues;
    private final INDArray components;
    private final double reconstructionError;
    private final int nIter;

    /** Takes over {@code components} (k×d, row-major). */
    NmfModel(Nmf extractor, int nSamples, float[] components, int d, double reconstructionError, int nIter) {
        this.extractor = extractor;
        this.nSamples = nSamples;
        this.d = d;
        this.componentValues = components;
        this.components = NdArrays.matrix(components, extractor.nComponents(), d);
        this.reconstructionError = reconstructionError;
        this.nIter = nIter;
    }

    /** The extractor (hyper-parameters) that produced this model. */
    public Nmf extractor() {
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
        return extractor.nComponents();
    }

    public int nComponents() {
        return extractor.nComponents();
    }

    public int nSamples() {
        return nSamples;
    }

    /** The components as a k×d matrix, one per row ({@code components_}), a copy. */
    public INDArray components() {
        return components.dup();
    }

    /** The same, row-major in a new Java array: component j is values [j·d, (j+1)·d), e.g. to draw as an image. */
    public float[] componentValues() {
        return componentValues.clone();
    }

    /** ‖X − W·H‖_F on the training data at the end of the fit ({@code reconstruction_err_}). */
    public double reconstructionError() {
        return reconstructionError;
    }

    /** The iterations the fit ran ({@code n_iter_}); equal to max_iter when it stopped there unconverged. */
    public int nIter() {
        return nIter;
    }

    /**
     * The features W (n×k, non-negative) that best reconstruct each row of {@code x} (non-negative) as W·H, by the
     * fit's coordinate descent with H fixed, from W = 0, to its max_iter and tol.
     */
    @Override
    public INDArray transform(INDArray x) {
        DenseRows rows = FeatureInputs.require(x, d, "data to transform", name());
        Nmf.requireNonNegative(rows, "data to transform");
        float[] w = NmfSolver.features(rows, componentValues, nComponents(), extractor.maxIter(), extractor.tol());
        return NdArrays.matrix(w, rows.n(), nComponents());
    }

    /** Reconstructions W·H (n×d) from features W (n×k). */
    public INDArray inverseTransform(INDArray features) {
        INDArray w = FeatureInputs.require(features, nComponents(), "features to invert", name()).array();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, w.rows(), d);
        return Nd4j.gemm(w, components, out, false, false, 1.0, 0.0);
    }

    @Override
    public void save(Path file) throws IOException {
        new ModelFile.Writer(KIND)
                .config("n_components", nComponents())
                .config("init", extractor.init().toString())
                .config("solver", extractor.solver().toString())
                .config("max_iter", extractor.maxIter())
                .config("tol", Double.toString(extractor.tol()))
                .config("seed", Long.toString(extractor.seed()))
                .config("n_samples", nSamples)
                .config("n_features", d)
                .config("n_iter", nIter)
                .floats("components", componentValues, nComponents(), d)
                .doubles("reconstruction_err", new double[] {reconstructionError}, 1)
                .writeTo(file);
    }

    /** Reads a model written by {@link #save}; a file that is not one, truncated or corrupt is refused in one line. */
    public static NmfModel load(Path file) {
        ModelFile model = ModelFile.read(file, KIND);
        int k = model.intField("n_components");
        int nSamples = model.intField("n_samples");
        int d = model.intField("n_features");
        int nIter = model.intField("n_iter");
        Nmf extractor;
        try {
            // Files written before the solver option name none: they were fitted by cd.
            extractor = new Nmf(k, NmfInit.parse(model.textField("init")),
                    NmfSolverKind.parse(model.textField("solver", NmfSolverKind.CD.toString())),
                    model.intField("max_iter"),
                    Double.parseDouble(model.textField("tol")), Long.parseLong(model.textField("seed")));
        } catch (IllegalArgumentException e) {
            throw model.bad(e.getMessage());
        }
        if (d < 1 || k > Math.min(nSamples, d) || nIter < 1 || nIter > extractor.maxIter()) {
            throw model.bad("inconsistent sizes: n_samples " + nSamples + ", n_features " + d + ", n_components " + k
                    + ", n_iter " + nIter + " of max_iter " + extractor.maxIter());
        }
        float[] components = model.floats("components", k, d);
        double error = model.doubles("reconstruction_err", 1)[0];
        return new NmfModel(extractor, nSamples, components, d, error, nIter);
    }
}
