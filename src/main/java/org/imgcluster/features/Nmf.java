package org.imgcluster.features;

import java.util.Objects;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-negative matrix factorisation X ≈ W·H as scikit-learn 1.2's {@code NMF(n_components, init, solver="cd",
 * beta_loss="frobenius", tol, max_iter, random_state=seed)} with no regularisation and no shuffling: NNDSVD-type or
 * random start ({@link NmfInit}), then coordinate descent ({@link NmfSolver}) until the projected-gradient violation
 * falls to {@code tol} × its first value. H (k×d) holds the components, W (n×k) the features. The same factors, error
 * and iteration count as scikit-learn, to float32 rounding; or, with {@link NmfSolverKind#ACCELERATED_CD}, the same
 * stopping rule reached with a third of the passes over the data. Memory: the data (twice: ND4J's and a Java copy), a d×d
 * scatter matrix in float and double for the start, about 4·16⌈k/16⌉·(n + d) floats for the solver and 32 MB blocks.
 */
public record Nmf(int nComponents, NmfInit init, NmfSolverKind solver, int maxIter, double tol, long seed)
        implements FeatureExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(Nmf.class);
    private static final String COUNT_RULE = "≥ 1 and ≤ min(n_samples, n_features) of the training data";

    public Nmf {
        if (nComponents < 1) {
            throw new BadInputException("n_components = " + nComponents + " must be " + COUNT_RULE);
        }
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(solver, "solver");
        Require.atLeast("max_iter", maxIter, 1);
        Require.nonNegative("tol", tol);
    }

    /**
     * scikit-learn's defaults: init nndsvda (its choice for init=None when k ≤ min(n, d)), solver cd, max_iter 200,
     * tol 1e-4.
     */
    public static Nmf of(int nComponents) {
        return new Nmf(nComponents, NmfInit.NNDSVDA, NmfSolverKind.CD, 200, 1e-4, 0);
    }

    public Nmf withInit(NmfInit start) {
        return new Nmf(nComponents, start, solver, maxIter, tol, seed);
    }

    public Nmf withSolver(NmfSolverKind kind) {
        return new Nmf(nComponents, init, kind, maxIter, tol, seed);
    }

    /** The init by scikit-learn's name: nndsvda, nndsvd, nndsvdar or random. */
    public Nmf withInit(String start) {
        return withInit(NmfInit.parse(start));
    }

    public Nmf withMaxIter(int n) {
        return new Nmf(nComponents, init, solver, n, tol, seed);
    }

    public Nmf withTol(double t) {
        return new Nmf(nComponents, init, solver, maxIter, t, seed);
    }

    /** The seed of the random draws of init random and nndsvdar (scikit-learn's {@code random_state}). */
    public Nmf withSeed(long s) {
        return new Nmf(nComponents, init, solver, maxIter, tol, s);
    }

    /** {@code nmf(n_components=10)}, with every parameter that differs from {@link #of}'s defaults. */
    @Override
    public String name() {
        Nmf defaults = of(nComponents);
        return "nmf(n_components=" + nComponents + (init == defaults.init ? "" : ", init=" + init)
                + (solver == defaults.solver ? "" : ", solver=" + solver)
                + (maxIter == defaults.maxIter ? "" : ", max_iter=" + maxIter)
                + (tol == defaults.tol ? "" : ", tol=" + tol) + (seed == defaults.seed ? "" : ", seed=" + seed) + ")";
    }

    @Override
    public NmfModel fit(INDArray x) {
        return fitTransform(x).model();
    }

    /** Fits and also returns W of the training data (scikit-learn's {@code fit_transform}), which fit discards. */
    public NmfFactorization fitTransform(INDArray data) {
        DenseRows x = DenseRows.of(data, "training data");
        int limit = Math.min(x.n(), x.d());
        if (nComponents > limit) {
            throw new BadInputException("n_components = " + nComponents + " is outside 1.." + limit
                    + " (min(n_samples, n_features) of the training data)");
        }
        requireNonNegative(x, "training data");
        long start = System.nanoTime();
        NmfFactors factors = init.start(x, nComponents, seed);
        long solveStart = System.nanoTime();
        int iterations = NmfSolver.fit(x, factors, maxIter, tol, solver == NmfSolverKind.ACCELERATED_CD);
        double error = NmfReconstruction.error(x, factors);
        LOG.debug("{} on {}×{}: init {} ms, {} iterations {} ms, reconstruction error {}", name(), x.n(), x.d(),
                (solveStart - start) / 1_000_000, iterations, (System.nanoTime() - solveStart) / 1_000_000, error);
        NmfModel model = new NmfModel(this, x.n(), factors.h(), x.d(), error, iterations);
        return new NmfFactorization(model, NdArrays.matrix(factors.w(), x.n(), nComponents));
    }

    /** Refuses the first negative value, naming its place: NMF is defined for non-negative data only. */
    static void requireNonNegative(DenseRows x, String what) {
        float[] values = x.values();
        for (int q = 0; q < values.length; q++) {
            if (values[q] < 0) {
                throw new BadInputException("NMF needs non-negative input, but the " + what + " have " + values[q]
                        + " at row " + q / x.d() + ", column " + q % x.d());
            }
        }
    }
}
