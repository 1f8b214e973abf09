package org.imgcluster.features;

import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sign of each component as scikit-learn 1.2's PCA fixes it ({@code svd_flip} deciding by U): turned so that the
 * training point with the largest absolute score on it scores positive (the first such point on ties, as
 * {@code argmax}). It costs one pass of n×d×k GEMM over the training data. scikit-learn 1.5 switched to deciding by
 * each component's largest entry (scikit-learn PR #27491), which would be free; the installed 1.2.1 is the reference.
 */
final class SignConvention {
    private SignConvention() {
    }

    /** Flips, in place, the rows of the k×d {@code components} whose training scores break the rule. */
    static void apply(INDArray x, INDArray meanRow, float[] components, int k) {
        int d = components.length / k;
        INDArray matrix = NdArrays.matrix(components, k, d);
        float[] extreme = new float[k];
        CentredBlocks.forEach(x, meanRow, (from, block) -> {
            int rows = (int) block.rows();
            float[] scores = NdArrays.read(NdArrays.timesTransposed(block, matrix), new float[rows * k]);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    float s = scores[r * k + j];
                    if (Math.abs(s) > Math.abs(extreme[j])) {
                        extreme[j] = s;
                    }
                }
            }
        });
        for (int j = 0; j < k; j++) {
            if (extreme[j] < 0) {
                for (int i = j * d; i < (j + 1) * d; i++) {
                    components[i] = -components[i];
                }
            }
        }
    }
}
