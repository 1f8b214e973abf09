package org.imgcluster.features;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Non-negative double SVD (Boutsidis and Gallopoulos, 2008) as scikit-learn's {@code _initialize_nmf}: each of the top
 * k singular triplets (σ, u, v) of the uncentred X becomes one column of W and one row of H, from the leading one's
 * absolute values and, for the others, from whichever of the positive or negative parts of (u, v) carries more of σ;
 * values below 1e-6 become 0. The singular vectors come from the eigendecomposition of XᵀX ({@link PrincipalAxes} about
 * the origin: one GEMM and a d×d LAPACK problem) where scikit-learn runs a seeded randomized SVD; where the top k
 * singular values are well apart (the reference script checks this for the test data) both give the exact vectors to
 * float32 rounding.
 */
final class Nndsvd {
    /** scikit-learn's {@code eps}: smaller values are set to exactly zero. */
    private static final double EPS = 1e-6;

    private Nndsvd() {
    }

    /** W (n×k) and H (k×d) of NNDSVD, zeros included. */
    static NmfFactors of(DenseRows x, int k) {
        int n = x.n();
        int d = x.d();
        INDArray origin = Nd4j.zeros(DataType.FLOAT, 1, d);
        float[] v = PrincipalAxes.of(x, origin).leading(k);
        // X·vⱼ = σⱼuⱼ, so σⱼ = ‖X·vⱼ‖; a zero σⱼ leaves W's column and H's row zero.
        float[] xv = NdArrays.read(NdArrays.timesTransposed(x.array(), NdArrays.matrix(v, k, d)), new float[n * k]);
        float[] w = new float[n * k];
        float[] h = new float[k * d];
        for (int j = 0; j < k; j++) {
            double[] u = column(xv, j, k, n);
            double sigma = norm(u);
            double[] right = new double[d];
            for (int t = 0; t < d; t++) {
                right[t] = v[j * d + t];
            }
            if (sigma > 0) {
                scale(u, 1 / sigma);
                Triplet part = j == 0 ? leading(u, right) : dominantPart(u, right);
                double lambda = Math.sqrt(sigma * part.weight);
                for (int i = 0; i < n; i++) {
                    w[i * k + j] = truncated(lambda * part.left[i]);
                }
                for (int t = 0; t < d; t++) {
                    h[j * d + t] = truncated(lambda * part.right[t]);
                }
            }
        }
        return new NmfFactors(w, h, k);
    }

    /** Unit left and right vectors and the weight that, times σ, gives the square of their common scale. */
    private record Triplet(double[] left, double[] right, double weight) {
    }

    /** The leading pair of a non-negative matrix is non-negative up to sign: its absolute values, all of σ. */
    private static Triplet leading(double[] u, double[] v) {
        return new Triplet(abs(u), abs(v), 1);
    }

    /**
     * The positive parts (u₊, v₊) or the negated negative parts (u₋, v₋), whichever has the larger product of norms,
     * each scaled to unit length; the weight is that product. Ties go to the negative parts, as in scikit-learn.
     */
    private static Triplet dominantPart(double[] u, double[] v) {
        double[] uPlus = positivePart(u, 1);
        double[] vPlus = positivePart(v, 1);
        double[] uMinus = positivePart(u, -1);
        double[] vMinus = positivePart(v, -1);
        double plus = norm(uPlus) * norm(vPlus);
        double minus = norm(uMinus) * norm(vMinus);
        if (plus > minus) {
            return new Triplet(unit(uPlus), unit(vPlus), plus);
        }
        return new Triplet(unit(uMinus), unit(vMinus), minus);
    }

    private static double[] column(float[] rowMajor, int j, int k, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rowMajor[i * k + j];
        }
        return out;
    }

    /** max(sign·a, 0) element by element. */
    private static double[] positivePart(double[] a, int sign) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(sign * a[i], 0);
        }
        return out;
    }

    private static double[] abs(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.abs(a[i]);
        }
        return out;
    }

    /** a / ‖a‖, or a itself when it is zero (its share of σ is then zero too). */
    private static double[] unit(double[] a) {
        double norm = norm(a);
        if (norm > 0) {
            scale(a, 1 / norm);
        }
        return a;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double value : a) {
            s += value * value;
        }
        return Math.sqrt(s);
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }

    private static float truncated(double value) {
        return value < EPS ? 0 : (float) value;
    }
}
