package org.imgcluster.cluster;

import java.util.stream.IntStream;

import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

import smile.math.blas.Transpose;
import smile.math.matrix.ARPACK;
import smile.math.matrix.IMatrix;
import smile.math.matrix.Matrix;

/**
 * scikit-learn's {@code spectral_embedding(norm_laplacian=True, drop_first=False)} as spectral clustering uses it: the
 * eigenvectors of the k smallest eigenvalues of the normalised Laplacian, each row divided by √degree. sklearn finds
 * them by ARPACK in shift-invert mode around 1, which needs a sparse LU; here ARPACK (Smile's binding) takes the
 * largest eigenvalues of S = I − L directly ("LA" mode), the same eigenvectors, fast on the sparse graphs of
 * clustering.
 * <p>
 * The top eigenvalue 1 of S is known exactly: one eigenvector per connected component (of two points or more), √w_i
 * on its points. Lanczos finds only one copy of a repeated eigenvalue, so when the graph falls apart it would miss
 * components; those eigenvectors are therefore put in directly, and ARPACK looks for the rest with them deflated.
 * Eigenvectors are unique only up to sign (and rotation within a repeated eigenvalue); k-means on the rows sees
 * neither.
 *
 * @param rows        the n×k embedding, one row per point
 * @param eigenvalues the k smallest eigenvalues of the normalised Laplacian, ascending
 */
record SpectralEmbedding(INDArray rows, double[] eigenvalues) {
    /** ARPACK's relative accuracy for the eigenvalues; scipy asks for machine precision, this costs little more. */
    private static final double TOLERANCE = 1e-10;
    /** Where the deflated eigenvectors go: below every eigenvalue of S, which lie in [-1, 1]. */
    private static final double DEFLATED_TO = -2;

    /** The embedding in k dimensions; 1 ≤ k < n. */
    static SpectralEmbedding of(NormalizedAffinity affinity, int k) {
        int n = affinity.sqrtDegrees().length;
        ComponentVectors known = new ComponentVectors(affinity);
        int fixed = Math.min(k, known.count);
        float[] rows = new float[n * k];
        double[] eigenvalues = new double[k];
        for (int i = 0; i < n; i++) {
            int c = known.index[affinity.componentOf()[i]];
            if (c >= 0 && c < fixed) {
                rows[i * k + c] = (float) (known.value[i] / affinity.sqrtDegrees()[i]);
            }
        }
        if (fixed < k) {
            int wanted = k - fixed;
            // scipy's eigsh default: 2k+1 Lanczos vectors, at least 20, at most n.
            int lanczosVectors = Math.min(n, Math.max(2 * wanted + 1, 20));
            Matrix.EVD evd = ARPACK.syev(new Deflated(affinity.normalized(), known), ARPACK.SymmOption.LA, wanted,
                    lanczosVectors, TOLERANCE);
            int[] order = IntStream.range(0, wanted).boxed().sorted((a, b) -> Double.compare(evd.wr[b], evd.wr[a]))
                    .mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < wanted; c++) {
                eigenvalues[fixed + c] = 1 - evd.wr[order[c]];
                for (int i = 0; i < n; i++) {
                    rows[i * k + fixed + c] = (float) (evd.Vr.get(i, order[c]) / affinity.sqrtDegrees()[i]);
                }
            }
        }
        return new SpectralEmbedding(NdArrays.matrix(rows, n, k), eigenvalues);
    }

    /** The unit eigenvectors of S for eigenvalue 1, one per component of ≥ 2 points, stored as one value per point. */
    private static final class ComponentVectors {
        /** Per component: its eigenvector's number, or -1 for an isolated point (whose eigenvalue is 0). */
        final int[] index;
        /** Per point: its entry in its component's eigenvector (0 when isolated). */
        final double[] value;
        final int[] componentOf;
        final int count;

        ComponentVectors(NormalizedAffinity affinity) {
            componentOf = affinity.componentOf();
            double[] sqrtDegrees = affinity.sqrtDegrees();
            int[] size = new int[affinity.components()];
            double[] mass = new double[affinity.components()];
            for (int i = 0; i < componentOf.length; i++) {
                size[componentOf[i]]++;
                mass[componentOf[i]] += sqrtDegrees[i] * sqrtDegrees[i];
            }
            index = new int[size.length];
            int next = 0;
            for (int c = 0; c < size.length; c++) {
                index[c] = size[c] > 1 ? next++ : -1;
            }
            count = next;
            value = new double[componentOf.length];
            for (int i = 0; i < componentOf.length; i++) {
                int c = componentOf[i];
                value[i] = size[c] > 1 ? sqrtDegrees[i] / Math.sqrt(mass[c]) : 0;
            }
        }

        /** y += shift·Σ v_c (v_c · x) over every known eigenvector, in O(n). */
        void addProjection(double shift, double[] x, int xOffset, double[] y, int yOffset) {
            double[] dot = new double[index.length];
            for (int i = 0; i < value.length; i++) {
                dot[componentOf[i]] += value[i] * x[xOffset + i];
            }
            for (int i = 0; i < value.length; i++) {
                y[yOffset + i] += shift * dot[componentOf[i]] * value[i];
            }
        }
    }

    /** S with the known eigenvectors moved from eigenvalue 1 to {@link #DEFLATED_TO}, as ARPACK multiplies by it. */
    private static final class Deflated extends IMatrix {
        private static final long serialVersionUID = 1L;
        private final IMatrix s;
        private final transient ComponentVectors known;

        Deflated(IMatrix s, ComponentVectors known) {
            this.s = s;
            this.known = known;
        }

        @Override
        public int nrow() {
            return s.nrow();
        }

        @Override
        public int ncol() {
            return s.ncol();
        }

        @Override
        public long size() {
            return s.size();
        }

        @Override
        public void mv(Transpose trans, double alpha, double[] x, double beta, double[] y) {
            double[] product = new double[nrow()];
            s.mv(trans, 1, x, 0, product);
            known.addProjection(DEFLATED_TO - 1, x, 0, product, 0);
            for (int i = 0; i < product.length; i++) {
                y[i] = alpha * product[i] + (beta == 0 ? 0 : beta * y[i]);
            }
        }

        @Override
        public void mv(double[] work, int inputOffset, int outputOffset) {
            s.mv(work, inputOffset, outputOffset);
            known.addProjection(DEFLATED_TO - 1, work, inputOffset, work, outputOffset);
        }

        @Override
        public void tv(double[] work, int inputOffset, int outputOffset) {
            mv(work, inputOffset, outputOffset);
        }
    }
}
