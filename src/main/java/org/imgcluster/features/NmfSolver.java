package org.imgcluster.features;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * scikit-learn's {@code _fit_coordinate_descent} (HALS on the Frobenius loss): alternate one {@link NmfSweep} over W
 * with H fixed and one over H with W fixed, until the summed violation of both falls to tol × the first iteration's,
 * or max_iter sweeps. W is kept transposed (k×n) so that both factors and both products with the data, H·Xᵀ (k×n)
 * for W and Wᵀ·X (k×d) for H, are factor-major. Those two GEMMs take about 80 % of the time, into buffers kept across
 * iterations. Their shape matters: padded with zero factors to a multiple of 16 rows (one AVX-512 register of floats)
 * they ran about 25 % faster for k = 10 on Fashion-MNIST than with 10 rows; no sweep touches the padding, so it stays
 * zero. Fusing the two into one pass over X (block by block, the second product while the block is in cache) gained
 * nothing: OpenBLAS packs X for each product, in cache or not. Memory: about 4·16⌈k/16⌉·(n + d) floats.
 */
final class NmfSolver {
    private static final int LANES = 16;

    private NmfSolver() {
    }

    /**
     * Updates W and H of {@code factors} in place; returns the number of iterations run. With {@code accelerated},
     * each product with X is followed by several sweeps (Gillis and Glineur 2012): up to 1 + ½ρ, where ρ is the
     * product's cost in sweeps, and only while a sweep still changes the factor by more than a tenth of the first
     * sweep's change (Frobenius norms). The stopping rule still reads the first sweep's violation.
     */
    static int fit(DenseRows x, NmfFactors factors, int maxIter, double tol, boolean accelerated) {
        int n = x.n();
        int d = x.d();
        int k = factors.k();
        int width = (k + LANES - 1) / LANES * LANES;
        float[] wt = NmfSweep.transpose(factors.w(), n, k, width * n);
        float[] h = Arrays.copyOf(factors.h(), width * d);
        INDArray hMatrix = NdArrays.matrix(h, width, d);
        INDArray wtMatrix = Nd4j.createUninitialized(DataType.FLOAT, width, n);
        INDArray hxt = Nd4j.createUninitialized(DataType.FLOAT, width, n);
        INDArray wtx = Nd4j.createUninitialized(DataType.FLOAT, width, d);
        float[] hxtValues = new float[width * n];
        float[] wtxValues = new float[width * d];
        Gram gram = new Gram(width, k);
        // A product with X costs n·d·k; a sweep over W costs n·k², over H d·k².
        double productCost = (double) n * d + (double) (n + d) * k;
        int wSweeps = accelerated ? 1 + (int) (0.5 * (1 + productCost / ((double) n * (k + 1)))) : 1;
        int hSweeps = accelerated ? 1 + (int) (0.5 * (1 + productCost / ((double) d * (k + 1)))) : 1;
        int iterations = iterate(maxIter, tol, () -> {
            float[] hGram = gram.of(hMatrix);
            Nd4j.gemm(hMatrix, x.array(), hxt, false, true, 1.0, 0.0);
            double violation = sweeps(wt, n, k, hGram, NdArrays.read(hxt, hxtValues), wSweeps);
            NdArrays.fill(wtMatrix, wt);
            float[] wGram = gram.of(wtMatrix);
            Nd4j.gemm(wtMatrix, x.array(), wtx, false, false, 1.0, 0.0);
            violation += sweeps(h, d, k, wGram, NdArrays.read(wtx, wtxValues), hSweeps);
            NdArrays.fill(hMatrix, h);
            return violation;
        });
        System.arraycopy(NmfSweep.transpose(wt, k, n, n * k), 0, factors.w(), 0, n * k);
        System.arraycopy(h, 0, factors.h(), 0, k * d);
        return iterations;
    }

    /**
     * W (n×k) for fixed H (k×d) from W = 0, as scikit-learn's {@code transform}: the same sweeps over W alone, H·Xᵀ and
     * HHᵀ computed once.
     */
    static float[] features(DenseRows x, float[] h, int k, int maxIter, double tol) {
        int n = x.n();
        INDArray hMatrix = NdArrays.matrix(h, k, x.d());
        INDArray hxt = Nd4j.createUninitialized(DataType.FLOAT, k, n);
        Nd4j.gemm(hMatrix, x.array(), hxt, false, true, 1.0, 0.0);
        float[] products = NdArrays.read(hxt, new float[k * n]);
        float[] hGram = new Gram(k, k).of(hMatrix);
        float[] wt = new float[k * n];
        iterate(maxIter, tol, () -> NmfSweep.sweep(wt, n, k, hGram, products).violation());
        return NmfSweep.transpose(wt, k, n, n * k);
    }

    /**
     * Up to {@code limit} sweeps of one factor for the same Gram matrix and products, stopping once a sweep changes
     * the factor by at most a tenth of what the first one did; returns the first sweep's violation.
     */
    private static double sweeps(float[] factor, int samples, int k, float[] gram, float[] products, int limit) {
        NmfSweep.Result first = NmfSweep.sweep(factor, samples, k, gram, products);
        for (int s = 1; s < limit; s++) {
            if (NmfSweep.sweep(factor, samples, k, gram, products).change() <= 0.01 * first.change()) {
                break;
            }
        }
        return first.violation();
    }

    /** F·Fᵀ of a factor-major width×m matrix by GEMM into kept buffers, its leading k×k block as a new array. */
    private static final class Gram {
        private final int width;
        private final int k;
        private final INDArray product;
        private final float[] values;

        Gram(int width, int k) {
            this.width = width;
            this.k = k;
            this.product = Nd4j.createUninitialized(DataType.FLOAT, width, width);
            this.values = new float[width * width];
        }

        float[] of(INDArray factor) {
            Nd4j.gemm(factor, factor, product, false, true, 1.0, 0.0);
            NdArrays.read(product, values);
            float[] out = new float[k * k];
            for (int t = 0; t < k; t++) {
                System.arraycopy(values, t * width, out, t * k, k);
            }
            return out;
        }
    }

    /**
     * Runs {@code sweep} (returning its violation) until the violation is at most tol × the first one, or it is 0 from
     * the start, or {@code maxIter} sweeps; returns the number run.
     */
    private static int iterate(int maxIter, double tol, DoubleSupplier sweep) {
        double first = 0;
        for (int iteration = 1; iteration <= maxIter; iteration++) {
            double violation = sweep.getAsDouble();
            if (iteration == 1) {
                first = violation;
            }
            if (first == 0 || violation / first <= tol) {
                return iteration;
            }
        }
        return maxIter;
    }
}
