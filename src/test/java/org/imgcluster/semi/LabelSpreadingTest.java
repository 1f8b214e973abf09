package org.imgcluster.semi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.imgcluster.TestData;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.IdxLoader;
import org.imgcluster.data.ImageSet;
import org.imgcluster.features.Pca;
import org.imgcluster.features.PixelMatrix;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RandomRows;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Label spreading against scikit-learn 1.2.1's {@code LabelSpreading(kernel='knn')} on a fixed 60-point set
 * (src/test/resources/semi/label_spreading_fixture.py prints the reference numbers), and on real MNIST.
 */
class LabelSpreadingTest {
    private static final int N = 60;

    /** Three overlapping groups of 20 points in 2-D, as the fixture script makes them (float32). */
    private static INDArray points() {
        float[] values = new float[N * 2];
        for (int i = 0; i < N; i++) {
            values[2 * i] = (float) ((i % 3) * 1.0 + Math.sin(i * 1.3) * 1.2);
            values[2 * i + 1] = (float) ((i % 3) * 0.5 + Math.cos(i * 2.1) * 1.2);
        }
        return NdArrays.matrix(values, N, 2);
    }

    @Test
    void spreadsAsScikitLearnDoesWithItsDefaults() {
        int[] labels = IntStream.range(0, N).map(i -> i < 9 ? i % 3 : LabelSpreading.UNLABELED).toArray();
        LabelSpreadingModel m = LabelSpreading.defaults().fit(points(), labels);

        assertThat(m.nIter()).isEqualTo(5);
        assertThat(m.labels()).containsExactly(IntStream.range(0, N).map(i -> i % 3).toArray());
        assertThat(m.distribution(0)).containsExactly(new double[] {0.9999985028, 0.0, 0.0000014972}, within(1e-6));
        assertThat(m.distribution(10)).containsExactly(new double[] {0.0, 0.9985961437, 0.0014038563}, within(1e-6));
        assertThat(m.distribution(20)).containsExactly(new double[] {0.0000068339, 0.0014886965, 0.9985044696},
                within(1e-6));
        assertThat(m.distribution(59)).containsExactly(new double[] {0.0, 0.0014595965, 0.9985404035}, within(1e-6));
    }

    @Test
    void theRbfKernelSpreadsAsScikitLearnsDoes() {
        int[] labels = IntStream.range(0, N).map(i -> i < 9 ? i % 3 : LabelSpreading.UNLABELED).toArray();
        LabelSpreadingModel m = LabelSpreading.defaults().withRbf(20).fit(points(), labels);
        assertThat(m.nIter()).isEqualTo(5);
        assertThat(m.labels()).containsExactly(IntStream.range(0, N).map(i -> i % 3).toArray());
        assertThat(m.distribution(10)).containsExactly(new double[] {0.0000000147, 0.9999778429, 0.0000221424},
                within(1e-6));
        assertThat(m.distribution(59)).containsExactly(new double[] {0.0000000005, 0.0000256289, 0.9999743706},
                within(1e-6));

        LabelSpreadingModel wide = LabelSpreading.defaults().withRbf(2).withAlpha(0.5).fit(points(), labels);
        assertThat(wide.nIter()).isEqualTo(9);
        // scikit-learn gives point 47 (of group 2) to class 0 here.
        assertThat(wide.labels()).containsExactly(IntStream.range(0, N).map(i -> i == 47 ? 0 : i % 3).toArray());
        assertThat(wide.distribution(0)).containsExactly(new double[] {0.9844352322, 0.0065130008, 0.0090517670},
                within(1e-6));
        assertThat(wide.distribution(10)).containsExactly(new double[] {0.0476253392, 0.6386538666, 0.3137207942},
                within(1e-6));
        assertThat(wide.distribution(20)).containsExactly(new double[] {0.0124601953, 0.1573779523, 0.8301618524},
                within(1e-6));
    }

    @Test
    void theRbfKernelRefusesASizeWhoseMatrixWouldNotFit() {
        int[] labels = IntStream.range(0, N).map(i -> i < 9 ? i % 3 : LabelSpreading.UNLABELED).toArray();
        assertThatThrownBy(() -> LabelSpreading.defaults().withRbf(20).fit(NdArrays.matrix(new float[200_000 * 2],
                200_000, 2), new int[200_000]))
                .hasMessageStartingWith("label spreading with kernel rbf of 200000 points needs 152590.9 MiB of heap for its "
                        + "dense affinity matrix")
                .hasMessageContaining("use kernel knn (sparse)");
        assertThat(LabelSpreading.defaults().withRbf(20).fit(points(), labels).labels()).hasSize(N);
    }

    @Test
    void stopsAtMaxIterAndLeavesUnreachedPointsInTheFirstClassAsScikitLearnDoes() {
        int[] labels = IntStream.range(0, N).map(i -> i % 5 == 0 ? i % 3 : LabelSpreading.UNLABELED).toArray();
        LabelSpreadingModel m = new LabelSpreading(LabelSpreading.Kernel.KNN, 4, 20, 0.5, 5, 1e-3).fit(points(), labels);

        assertThat(m.nIter()).isEqualTo(5);
        assertThat(m.labels()).containsExactly(0, 1, 2, 0, 0, 2, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 1, 2, 0, 1, 2, 0, 1, 0,
                0, 1, 2, 0, 0, 2, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 1, 2, 0, 1, 2, 0, 1, 0, 0, 1, 2, 0, 0, 2, 0, 1, 0, 0, 1, 2);
        assertThat(m.distribution(1)).containsExactly(0.0, 1.0, 0.0);
        assertThat(m.distribution(13)).containsExactly(0.0, 0.0, 0.0);
    }

    /** The MNIST semi-supervised notebook's setting: 10 % of the labels, PCA-50 features (it reports 95.0 %). */
    @Test
    void tenPercentOfMnistLabelsLabelTheRestWellAbove90Percent() {
        ImageSet train = IdxLoader.load(TestData.sharedDatasets().resolve("mnist/train-images-idx3-ubyte.gz"),
                TestData.sharedDatasets().resolve("mnist/train-labels-idx1-ubyte.gz"), java.util.List.of());
        ImageSet images = train.select(IntStream.range(0, 10_000).toArray(), "first 10,000");
        INDArray x = PixelMatrix.of(images);
        INDArray z = Pca.of(50).fit(x).transform(x);
        int[] truth = images.labels();
        int[] given = new int[truth.length];
        Arrays.fill(given, LabelSpreading.UNLABELED);
        for (int i : RandomRows.distinct(new SplittableRandom(42), truth.length, truth.length / 10)) {
            given[i] = truth[i];
        }
        int[] spread = LabelSpreading.defaults().fit(z, given).labels();
        long unlabelled = IntStream.range(0, truth.length).filter(i -> given[i] == LabelSpreading.UNLABELED).count();
        long right = IntStream.range(0, truth.length)
                .filter(i -> given[i] == LabelSpreading.UNLABELED && spread[i] == truth[i]).count();
        assertThat((double) right / unlabelled).isGreaterThan(0.90);
        assertThat(IntStream.range(0, truth.length).filter(i -> given[i] != LabelSpreading.UNLABELED)
                .allMatch(i -> spread[i] == given[i])).as("labelled points keep their label").isTrue();
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertThatThrownBy(() -> LabelSpreading.defaults().withAlpha(1.0)).isInstanceOf(BadInputException.class)
                .hasMessage("alpha = 1.0 must lie strictly between 0 and 1");
        int[] none = new int[N];
        Arrays.fill(none, LabelSpreading.UNLABELED);
        assertThatThrownBy(() -> LabelSpreading.defaults().fit(points(), none))
                .hasMessage("label spreading needs at least one labelled point; all 60 are -1");
        assertThatThrownBy(() -> LabelSpreading.defaults().fit(points(), new int[3])).hasMessage("3 labels for 60 points");
        int[] bad = new int[N];
        bad[4] = -7;
        assertThatThrownBy(() -> LabelSpreading.defaults().fit(points(), bad))
                .hasMessage("label -7 is neither a class id ≥ 0 nor -1 (unlabelled)");
    }
}
