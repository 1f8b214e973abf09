package org.imgcluster.features;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import smile.math.blas.EVDJob;
import smile.math.blas.LAPACK;
import smile.math.blas.Layout;
import smile.math.blas.UPLO;

/**
 * The principal axes of centred rows, from the symmetric eigendecomposition of an m×m scatter matrix, m = min(n, d):
 * the d×d XcᵀXc when d ≤ n, else the n×n Gram matrix XcXcᵀ (same non-zero eigenvalues; its eigenvectors are the left
 * singular vectors, mapped to directions by Xcᵀ), so a few hundred images of 3,072 values need no 3,072² problem.
 * The scatter matrix comes from float32 GEMMs over blocks of rows, summed in float64 so that each float32 sum stays
 * short.
 * The eigendecomposition is LAPACK's dsyevd through Smile, in float64: on 2 cores it took 0.06–0.12 s for 784² and
 * 2.0 s for 3,072², against 0.3–0.4 s and 10.4 s for ND4J's Eigen (dsyev).
 */
final class PrincipalAxes {
    private final double[] vectors;
    private final double[] variances;
    private final int m;
    private final int nSamples;
    private final INDArray centred;

    /**
     * @param scatter the m×m scatter matrix; overwritten by its eigenvectors
     * @param centred the whole centred data when the scatter matrix is the Gram matrix, else null
     */
    private PrincipalAxes(double[] scatter, int m, int nSamples, INDArray centred) {
        double[] ascending = eigenInPlace(scatter, m);
        this.vectors = scatter;
        this.variances = new double[m];
        for (int j = 0; j < m; j++) {
            // Rounding can leave a zero eigenvalue slightly negative; a variance is not.
            variances[j] = Math.max(0, ascending[m - 1 - j]) / (nSamples - 1);
        }
        this.m = m;
        this.nSamples = nSamples;
        this.centred = centred;
    }

    static PrincipalAxes of(DenseRows x, INDArray meanRow) {
        return x.d() <= x.n() ? fromCovariance(x, meanRow) : fromGram(x, meanRow);
    }

    private static PrincipalAxes fromCovariance(DenseRows x, INDArray meanRow) {
        int d = x.d();
        double[] scatter = new double[d * d];
        INDArray partial = Nd4j.createUninitialized(DataType.FLOAT, d, d);
        float[] values = new float[d * d];
        CentredBlocks.forEach(x.array(), meanRow, (from, block) -> {
            Nd4j.gemm(block, block, partial, true, false, 1.0, 0.0);
            NdArrays.read(partial, values);
            for (int k = 0; k < values.length; k++) {
                scatter[k] += values[k];
            }
        });
        return new PrincipalAxes(scatter, d, x.n(), null);
    }

    private static PrincipalAxes fromGram(DenseRows x, INDArray meanRow) {
        int n = x.n();
        INDArray centred = x.array().subRowVector(meanRow);
        float[] gram = NdArrays.read(NdArrays.timesTransposed(centred, centred), new float[n * n]);
        double[] scatter = new double[n * n];
        for (int k = 0; k < gram.length; k++) {
            scatter[k] = gram[k];
        }
        return new PrincipalAxes(scatter, n, n, centred);
    }

    /** Eigenvalues in increasing order; the matrix is overwritten by the eigenvectors, vector j at [j·m, (j+1)·m). */
    private static double[] eigenInPlace(double[] symmetric, int m) {
        double[] values = new double[m];
        int info = LAPACK.engine.syevd(Layout.COL_MAJOR, EVDJob.VECTORS, UPLO.LOWER, m, symmetric, m, values);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dsyevd failed on the " + m + "×" + m + " scatter matrix (info "
                    + info + ")");
        }
        return values;
    }

    VarianceSpectrum spectrum() {
        return new VarianceSpectrum(variances, nSamples);
    }

    /** The {@code k} leading unit directions as a row-major k×d array, in decreasing variance, signs as they came. */
    float[] leading(int k) {
        float[] top = new float[k * m];
        for (int j = 0; j < k; j++) {
            int vector = (m - 1 - j) * m;
            for (int i = 0; i < m; i++) {
                top[j * m + i] = (float) vectors[vector + i];
            }
        }
        return centred == null ? top : directionsOfGramVectors(top, k);
    }

    /**
     * Xcᵀu / ‖Xcᵀu‖ for each Gram eigenvector u: ‖Xcᵀu‖ is the singular value, but dividing by the norm found also
     * survives a zero one.
     */
    private float[] directionsOfGramVectors(float[] gramVectors, int k) {
        int d = (int) centred.columns();
        INDArray directions = Nd4j.createUninitialized(DataType.FLOAT, k, d);
        Nd4j.gemm(NdArrays.matrix(gramVectors, k, m), centred, directions, false, false, 1.0, 0.0);
        float[] out = NdArrays.read(directions, new float[k * d]);
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = j * d; i < (j + 1) * d; i++) {
                norm += (double) out[i] * out[i];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int i = j * d; i < (j + 1) * d; i++) {
                out[i] = (float) (out[i] * scale);
            }
        }
        return out;
    }
}
