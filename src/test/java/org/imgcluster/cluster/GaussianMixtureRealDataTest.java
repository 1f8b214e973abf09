package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.imgcluster.data.DatasetRegistry;
import org.imgcluster.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diagonal GMM on real images: the MNIST test split embedded in the jar, 4×4 average-pooled to 7×7 = 49 features,
 * against scikit-learn 1.2.1 from the same start (src/test/resources/cluster/sklearn_gmm_reference.py).
 */
class GaussianMixtureRealDataTest {
    /** scikit-learn's numbers for the fit below (66 iterations; the last two changes were 1.13 and 0.67 × tol). */
    private static final double MNIST_SCORE = 138.38438305361652;
    private static final double MNIST_LOWER_BOUND = 138.38417566015161;
    private static final int MNIST_N_ITER = 66;

    @Test
    void diagonalMixtureOfPooledMnistMatchesScikitLearn() {
        ImageSet mnist = DatasetRegistry.get("mnist").loadEmbedded();
        INDArray x = pooled(mnist);
        int k = 10;
        double[] weights = new double[k];
        Arrays.fill(weights, 0.1);
        double[] means = new double[k * 49];
        for (int m = 0; m < k; m++) {
            for (int j = 0; j < 49; j++) {
                means[m * 49 + j] = x.getFloat(m * 1000L, j);
            }
        }
        GaussianMixture gmm = GaussianMixture.of(k).withCovarianceType("diag").withMaxIter(300)
                .withWeightsInit(weights).withMeansInit(Nd4j.create(means, new long[] {k, 49}, DataType.DOUBLE))
                .withPrecisionsInit(Nd4j.valueArrayOf(new long[] {k, 49}, 20.0));

        GaussianMixtureModel model = gmm.fit(x);

        assertThat(model.converged()).isTrue();
        assertThat(model.nIter()).isEqualTo(MNIST_N_ITER);
        // Asked: 1e-3 relative. Measured: 1e-9 (score) and 2e-9 (lower bound), although pixels that are almost
        // always 0 get variances near reg_covar, where float32 rounding of (x − μ)² weighs most; 1e-6 keeps 500×.
        assertThat(model.score(x)).isCloseTo(MNIST_SCORE, within(1e-6 * Math.abs(MNIST_SCORE)));
        assertThat(model.lowerBound()).isCloseTo(MNIST_LOWER_BOUND, within(1e-6 * Math.abs(MNIST_LOWER_BOUND)));
    }

    /** Each 28×28 image averaged over 4×4 cells: Σ of 16 bytes / 4080 in float32, as the script computes it. */
    private static INDArray pooled(ImageSet set) {
        int n = set.size();
        byte[] pixels = set.pixels();
        float[] out = new float[n * 49];
        for (int i = 0; i < n; i++) {
            for (int cell = 0; cell < 49; cell++) {
                int top = cell / 7 * 4;
                int left = cell % 7 * 4;
                int sum = 0;
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        sum += pixels[i * 784 + (top + r) * 28 + left + c] & 0xFF;
                    }
                }
                out[i * 49 + cell] = (float) sum / 4080f;
            }
        }
        return Nd4j.create(out, new long[] {n, 49}, DataType.FLOAT);
    }
}
