package org.imgcluster.cluster;

import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DEC's clustering objective (Xie, Girshick and Farhadi 2016, eq. 1–5) on ND4J arrays of any one floating type: the
 * soft assignment q_ij ∝ (1 + ‖z_i − μ_j‖²/α)^−(α+1)/2 (a Student's t kernel, rows summing to 1), the target
 * p_ij ∝ q_ij²/f_j with f_j = Σ_i q_ij, and KL(P‖Q) with its gradients with respect to the codes and the centres.
 * Squared distances come from one GEMM ({@link Distances}); the gradients are two more.
 */
final class SoftAssignment {
    private SoftAssignment() {
    }

    /** q (n×k) of codes z (n×m) to centres μ (k×m). */
    static INDArray q(INDArray z, INDArray mu, double alpha) {
        return normalizedRows(kernel(Distances.squared(z, mu), alpha, new INDArray[1]));
    }

    /** The target p (n×k) of q (n×k): each q squared, divided by its cluster's total soft count, rows summing to 1. */
    static INDArray target(INDArray q) {
        return normalizedRows(q.mul(q).diviRowVector(q.sum(true, 0)));
    }

    /** The index of each row's largest value (the first of equals). */
    static int[] argMax(INDArray q) {
        return q.argMax(1).toIntVector();
    }

    /**
     * KL(P‖Q) averaged over the rows of z (as Keras' {@code kld} loss averages a batch), and its gradients: with
     * G_ij = (α+1)/α · (1 + d_ij/α)^−1 · (p_ij − q_ij) / n, ∂/∂z_i = Σ_j G_ij (z_i − μ_j) into {@code dz} (n×m) and
     * ∂/∂μ_j = −Σ_i G_ij (z_i − μ_j) into {@code dmu} (k×m), the paper's eq. 4 and 5.
     */
    static double klAndGradients(INDArray z, INDArray mu, INDArray p, double alpha, INDArray dz, INDArray dmu) {
        int n = (int) z.rows();
        INDArray[] inverse = new INDArray[1];
        INDArray q = normalizedRows(kernel(Distances.squared(z, mu), alpha, inverse));
        // p log p counts 0 where p is 0 (underflow), as the limit says; flooring p inside the log does that.
        double kl = (p.mul(Transforms.log(Transforms.max(p, Float.MIN_NORMAL, true), false)).sumNumber().doubleValue()
                - p.mul(Transforms.log(q, true)).sumNumber().doubleValue()) / n;
        INDArray g = p.sub(q).muli(inverse[0]).muli((alpha + 1) / alpha / n);
        dz.assign(z.mulColumnVector(g.sum(true, 1)));
        Nd4j.gemm(g, mu, dz, false, false, -1.0, 1.0);
        dmu.assign(mu.mulColumnVector(g.sum(true, 0).reshape(mu.rows(), 1)));
        Nd4j.gemm(g, z, dmu, true, false, -1.0, 1.0);
        return kl;
    }

    /**
     * The unnormalised kernel (1 + d/α)^−(α+1)/2 of squared distances d (overwritten); {@code inverse[0]} gets
     * (1 + d/α)^−1, which the gradient needs.
     */
    private static INDArray kernel(INDArray d, double alpha, INDArray[] inverse) {
        inverse[0] = d.divi(alpha).addi(1.0).rdivi(1.0);
        return Transforms.pow(inverse[0], (alpha + 1) / 2, true);
    }

    private static INDArray normalizedRows(INDArray w) {
        return w.diviColumnVector(w.sum(true, 1));
    }
}
