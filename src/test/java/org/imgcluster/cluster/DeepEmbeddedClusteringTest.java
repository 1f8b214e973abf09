package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.cluster.ClusterFixtures.assertRefusedInOneLine;

import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

import org.imgcluster.data.DatasetRegistry;
import org.imgcluster.data.ImageSet;
import org.imgcluster.features.Autoencoder;
import org.imgcluster.features.AutoencoderArchitecture;
import org.imgcluster.features.AutoencoderModel;
import org.imgcluster.features.PixelMatrix;
import org.imgcluster.linalg.Matrices;
import org.imgcluster.metrics.ExternalScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DEC's objective against hand-computed values and finite differences, and DEC and IDEC fine-tuning on the first 2,000
 * images of the embedded MNIST test split, from an autoencoder pretrained here for a few epochs.
 */
class DeepEmbeddedClusteringTest {
    private static INDArray pixels;
    private static int[] digits;
    private static AutoencoderModel pretrained;

    @BeforeAll
    static void pretrain() {
        ImageSet mnist = DatasetRegistry.get("mnist").loadEmbedded();
        ImageSet head = mnist.select(IntStream.range(0, 2000).toArray(), "first 2000");
        pixels = PixelMatrix.of(head);
        digits = head.labels();
        pretrained = Autoencoder.of(AutoencoderArchitecture.DEC).withEpochs(30).withSeed(3).fit(pixels);
    }

    @Test
    void softAssignmentAndTargetAsComputedByHand() {
        // z = (0, 0); μ = (1, 0), (0, 2): squared distances 1 and 4, kernel 1/2 and 1/5, so q = (5/7, 2/7).
        INDArray q = SoftAssignment.q(matrix(1, 2, 0, 0), matrix(2, 2, 1, 0, 0, 2), 1);
        assertThat(q.toDoubleVector()).containsExactly(new double[] {5.0 / 7, 2.0 / 7}, within(1e-12));

        // f = (1.7, 1.3); row 1: (0.81/1.7) / (0.81/1.7 + 0.01/1.3) = 10530/10700, row 2: 4680/7400, row 3: 520/11400.
        INDArray p = SoftAssignment.target(matrix(3, 2, 0.9, 0.1, 0.6, 0.4, 0.2, 0.8));
        assertThat(p.getRow(0).toDoubleVector()).containsExactly(new double[] {10530.0 / 10700, 170.0 / 10700},
                within(1e-12));
        assertThat(p.getRow(1).toDoubleVector()).containsExactly(new double[] {4680.0 / 7400, 2720.0 / 7400},
                within(1e-12));
        assertThat(p.getRow(2).toDoubleVector()).containsExactly(new double[] {520.0 / 11400, 10880.0 / 11400},
                within(1e-12));
    }

    @Test
    void klGradientsWithRespectToCodesAndCentresAreTheFiniteDifferences() {
        for (double alpha : new double[] {1, 2.5}) {
            INDArray z = random(5, 3, 1).muli(3);
            INDArray mu = random(3, 3, 2).muli(3);
            INDArray p = SoftAssignment.target(SoftAssignment.q(random(5, 3, 4).muli(3), mu, alpha));
            INDArray dz = Nd4j.create(DataType.DOUBLE, 5, 3);
            INDArray dmu = Nd4j.create(DataType.DOUBLE, 3, 3);
            SoftAssignment.klAndGradients(z, mu, p, alpha, dz, dmu);

            assertThat(maxDifference(dz, finiteDifferences(z, () -> kl(z, mu, p, alpha)))).as("∂KL/∂z, α = %s", alpha)
                    .isLessThan(1e-8);
            assertThat(maxDifference(dmu, finiteDifferences(mu, () -> kl(z, mu, p, alpha))))
                    .as("∂KL/∂μ, α = %s", alpha).isLessThan(1e-8);
            assertThat(dz.norm2Number().doubleValue()).as("a gradient to check").isGreaterThan(1e-2);
        }
    }

    @Test
    void theLossIsZeroWhereTheTargetIsQItself() {
        INDArray z = random(6, 2, 5);
        INDArray mu = random(2, 2, 6);
        INDArray dz = Nd4j.create(DataType.DOUBLE, 6, 2);
        INDArray dmu = Nd4j.create(DataType.DOUBLE, 2, 2);
        assertThat(SoftAssignment.klAndGradients(z, mu, SoftAssignment.q(z, mu, 1), 1, dz, dmu)).isCloseTo(0,
                within(1e-12));
        assertThat(dz.norm2Number().doubleValue() + dmu.norm2Number().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void decFineTuningRaisesAccuracyOverItsKMeansStart() {
        DeepClusteringModel model = DeepEmbeddedClustering.dec(10).withUpdateInterval(5).withMaxIter(1500)
                .withSeed(1).fit(pretrained, pixels);

        double start = ExternalScores.of(digits, model.initialLabels()).acc();
        double end = ExternalScores.of(digits, model.labels()).acc();
        assertThat(end).as("ACC after fine-tuning, from %s", start).isGreaterThan(start + 0.02);
        assertThat(model.predict(pixels)).as("predicting the training images").containsExactly(model.labels());
        assertThat(model.history().get(0).iteration()).isZero();
        assertThat(model.statistics()).containsKeys("n_iter", "kl_divergence", "labels_changed")
                .doesNotContainKey("reconstruction_loss");
    }

    @Test
    void idecFineTuningRaisesAccuracyOverItsKMeansStartAndTracksTheReconstruction() {
        DeepClusteringModel model = DeepEmbeddedClustering.idec(10).withUpdateInterval(5).withMaxIter(1500)
                .withSeed(1).fit(pretrained, pixels);

        double start = ExternalScores.of(digits, model.initialLabels()).acc();
        double end = ExternalScores.of(digits, model.labels()).acc();
        assertThat(end).as("ACC after fine-tuning, from %s", start).isGreaterThan(start + 0.02);
        assertThat(model.statistics().get("reconstruction_loss")).isBetween(0.0, 0.1);
    }

    @Test
    void theSameSeedGivesTheSameLabelsAndCentres() {
        DeepEmbeddedClustering dec = DeepEmbeddedClustering.dec(10).withUpdateInterval(20).withMaxIter(60).withSeed(5);
        DeepClusteringModel first = dec.fit(pretrained, pixels);
        DeepClusteringModel second = dec.fit(pretrained, pixels);

        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(Matrices.toFloatArray(second.centers().orElseThrow()))
                .isEqualTo(Matrices.toFloatArray(first.centers().orElseThrow()));
        assertThat(first.nIter()).isEqualTo(60);
        assertThat(first.history()).extracting(DeepClusteringModel.Update::iteration).containsExactly(0, 20, 40, 60);
    }

    @Test
    void badParametersAreRefusedInOneLineNamingThem() {
        DeepEmbeddedClustering d = DeepEmbeddedClustering.dec(10);
        assertRefusedInOneLine(() -> DeepEmbeddedClustering.dec(0), "k = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 0, 0, 140, 1e-3, 100, 256, 1e-3, 20, 0),
                "gamma = 0.0 must be a positive number");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 1, -1, 140, 1e-3, 100, 256, 1e-3, 20, 0),
                "reconstruction_weight = -1.0 must be a finite number ≥ 0");
        assertRefusedInOneLine(() -> d.withUpdateInterval(0), "update_interval = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 1, 0, 140, 2, 100, 256, 1e-3, 20, 0),
                "tol = 2.0 must lie in [0, 1] (a fraction of the points)");
        assertRefusedInOneLine(() -> d.withMaxIter(0), "max_iter = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 1, 0, 140, 1e-3, 100, 0, 1e-3, 20, 0),
                "batch_size = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 1, 0, 140, 1e-3, 100, 256, Double.NaN, 20, 0),
                "learning_rate = NaN must be a positive number");
        assertRefusedInOneLine(() -> new DeepEmbeddedClustering(10, 1, 0, 140, 1e-3, 100, 256, 1e-3, 0, 0),
                "n_init = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> d.fit(pretrained, random(5, 7, 1)),
                "training data have 7 columns, the autoencoder expects 784");
        assertRefusedInOneLine(() -> DeepEmbeddedClustering.dec(11).fit(pretrained, pixels.getRows(0, 1, 2, 3, 4, 5,
                6, 7, 8, 9)), "k = 11 is outside 1..10 (the number of points)");
    }

    private static INDArray matrix(int rows, int cols, double... values) {
        return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
    }

    private static INDArray random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        return matrix(rows, cols, IntStream.range(0, rows * cols).mapToDouble(i -> r.nextGaussian()).toArray());
    }

    private static double kl(INDArray z, INDArray mu, INDArray p, double alpha) {
        return SoftAssignment.klAndGradients(z, mu, p, alpha, z.like(), mu.like());
    }

    /** Central differences of f with respect to each value of x (changed in place and put back). */
    private static INDArray finiteDifferences(INDArray x, DoubleSupplier f) {
        double h = 1e-5;
        INDArray out = x.like();
        for (long i = 0; i < x.length(); i++) {
            double v = x.getDouble(i);
            x.putScalar(i, v + h);
            double up = f.getAsDouble();
            x.putScalar(i, v - h);
            double down = f.getAsDouble();
            x.putScalar(i, v);
            out.putScalar(i, (up - down) / (2 * h));
        }
        return out;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
