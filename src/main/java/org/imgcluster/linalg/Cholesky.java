package org.imgcluster.linalg;

/**
 * Cholesky factors of small dense symmetric positive-definite matrices (covariances, precisions of a few hundred
 * dimensions at most), in double, row-major. A hand loop: at d = 50, factor and triangular inverse take about 25 µs,
 * as long as Smile's LAPACK Cholesky and inverse with their copies (measured), and need no matrix objects.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * The lower-triangular L with L·Lᵀ = A for the d×d matrix A stored at {@code a[offset..offset+d·d)} (only its lower
     * triangle is read).
     *
     * @throws IllegalArgumentException if A is not (numerically) positive definite
     */
    public static double[] lower(double[] a, int offset, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double diag = a[offset + j * d + j];
            for (int t = 0; t < j; t++) {
                diag -= l[j * d + t] * l[j * d + t];
            }
            if (!(diag > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + " is " + diag + ")");
            }
            double ljj = Math.sqrt(diag);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double s = a[offset + i * d + j];
                for (int t = 0; t < j; t++) {
                    s -= l[i * d + t] * l[j * d + t];
                }
                l[i * d + j] = s / ljj;
            }
        }
        return l;
    }

    /** The inverse of a d×d lower-triangular matrix with a non-zero diagonal (again lower triangular). */
    public static double[] invertLower(double[] l, int d) {
        double[] inv = new double[d * d];
        for (int j = 0; j < d; j++) {
            inv[j * d + j] = 1 / l[j * d + j];
            for (int i = j + 1; i < d; i++) {
                double s = 0;
                for (int t = j; t < i; t++) {
                    s += l[i * d + t] * inv[t * d + j];
                }
                inv[i * d + j] = -s / l[i * d + i];
            }
        }
        return inv;
    }
}
