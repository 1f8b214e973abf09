package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand and checked against numpy (mean, std(ddof=0), corrcoef). */
class ImageStatsTest {
    private static final double EXACT = 1e-12;

    /** Three 2×2 grey images; the first two are class "a", the third class "b". */
    private static ImageSet threeTinyImages() {
        byte[] pixels = bytes(
                0, 10, 20, 30,
                10, 10, 40, 50,
                255, 0, 0, 5);
        return new ImageSet(pixels, 3, 2, 2, 1, new int[] {0, 0, 1}, List.of("a", "b"), "test:tiny");
    }

    @Test
    void shapeRangeMeanAndPopulationStdOverAllValues() {
        ImageStats stats = ImageStats.of(threeTinyImages());

        assertThat(List.of(stats.size(), stats.height(), stats.width(), stats.channels())).containsExactly(3, 2, 2, 1);
        assertThat(stats.dtype()).isEqualTo("uint8");
        assertThat(stats.min()).isZero();
        assertThat(stats.max()).isEqualTo(255);
        assertThat(stats.mean()).isCloseTo(430.0 / 12, within(EXACT));
        assertThat(stats.std()).isCloseTo(67.91027577293112, within(1e-9));
        assertThat(stats.channelMeans()).containsExactly(stats.mean());
    }

    @Test
    void histogramCountsEveryValue() {
        long[] counts = ImageStats.of(threeTinyImages()).histogram()[0];

        assertThat(counts).hasSize(256);
        assertThat(counts[0]).isEqualTo(3);
        assertThat(counts[10]).isEqualTo(3);
        assertThat(counts[5]).isEqualTo(1);
        assertThat(counts[255]).isEqualTo(1);
        assertThat(counts[1]).isZero();
        assertThat(Arrays.stream(counts).sum()).isEqualTo(12);
    }

    @Test
    void perClassMeanAndStdImagesArePixelWise() {
        ImageStats stats = ImageStats.of(threeTinyImages());

        assertThat(stats.classCounts()).containsExactly(2, 1);
        assertThat(stats.classNames()).containsExactly("a", "b");
        assertThat(stats.classMeanImages()[0]).containsExactly(5f, 10f, 30f, 40f);
        assertThat(stats.classStdImages()[0]).containsExactly(5f, 0f, 10f, 10f);
        assertThat(stats.classMeanImages()[1]).containsExactly(255f, 0f, 0f, 5f);
        assertThat(stats.classStdImages()[1]).containsExactly(0f, 0f, 0f, 0f);
        assertThat(stats.meanImage()).containsExactly(new float[] {88.333336f, 6.6666665f, 20f, 28.333334f}, within(1e-5f));
        assertThat(stats.stdImage()[0]).isCloseTo(117.92181968f, within(1e-4f));
    }

    @Test
    void aClassWithoutImagesHasNaNImagesAndZeroCount() {
        ImageSet set = new ImageSet(bytes(1, 2, 3, 4), 1, 2, 2, 1, new int[] {0}, List.of("seen", "unseen"), "test:gap");
        ImageStats stats = ImageStats.of(set);

        assertThat(stats.classCounts()).containsExactly(1, 0);
        assertThat(stats.classMeanImages()[1]).containsOnly(Float.NaN);
    }

    @Test
    void unlabeledSetHasOverallImagesButNoClassStatistics() {
        ImageSet set = new ImageSet(bytes(0, 100, 200, 100), 2, 1, 2, 1, null, List.of(), "test:unlabeled");
        ImageStats stats = ImageStats.of(set);

        assertThat(stats.hasLabels()).isFalse();
        assertThat(stats.classCounts()).isNull();
        assertThat(stats.classMeanImages()).isNull();
        assertThat(stats.meanImage()).containsExactly(100f, 100f);
        assertThat(stats.stdImage()).containsExactly(100f, 0f);
    }

    @Test
    void copiedAndNegatedPixelsCorrelateExactlyAndConstantOnesAreNaN() {
        // 2×2 images: pixel 1 copies pixel 0, pixel 2 is 255 minus it, pixel 3 is always 7.
        int[] values = {0, 30, 90, 200, 255};
        byte[] pixels = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            pixels[4 * i] = (byte) values[i];
            pixels[4 * i + 1] = (byte) values[i];
            pixels[4 * i + 2] = (byte) (255 - values[i]);
            pixels[4 * i + 3] = 7;
        }
        double[][] r = ImageStats.of(new ImageSet(pixels, values.length, 2, 2, 1, null, List.of(), "test:corr")).pixelCorrelation();

        assertThat(r.length).isEqualTo(4);
        assertThat(r[0][1]).isEqualTo(1.0);
        assertThat(r[1][0]).isEqualTo(1.0);
        assertThat(r[0][2]).isEqualTo(-1.0);
        assertThat(r[1][2]).isEqualTo(-1.0);
        assertThat(r[0][0]).isEqualTo(1.0);
        assertThat(r[3][3]).isNaN();
        assertThat(r[0][3]).isNaN();
        assertThat(r[3][1]).isNaN();
    }

    @Test
    void pixelCorrelationUsesTheFirst100ValuesOfTheFirst1000Images() {
        // 11×11 images (121 values); value 5 is constant in the first 1,000 images and varies only in the last.
        int images = 1001;
        byte[] pixels = new byte[images * 121];
        Random random = new Random(3);
        random.nextBytes(pixels);
        for (int i = 0; i < images; i++) {
            pixels[i * 121 + 5] = (byte) (i < 1000 ? 9 : 200);
        }
        ImageStats stats = ImageStats.of(new ImageSet(pixels, images, 11, 11, 1, null, List.of(), "test:cap"));

        assertThat(stats.pixelCorrelation()).hasDimensions(100, 100);
        assertThat(stats.pixelCorrelationImages()).isEqualTo(1000);
        assertThat(stats.pixelCorrelation()[5][5]).isNaN();
        assertThat(stats.pixelCorrelation()[4][4]).isEqualTo(1.0);
    }

    @Test
    void channelCorrelationMatchesNumpyCorrcoefAndPerChannelMoments() {
        // Four 1×1 RGB images: R = 0,1,2,3; G = 0,1,0,1; B = 3,3,0,0.
        byte[] pixels = bytes(0, 0, 3, 1, 1, 3, 2, 0, 0, 3, 1, 0);
        ImageStats stats = ImageStats.of(new ImageSet(pixels, 4, 1, 1, 3, null, List.of(), "test:rgb"));
        double[][] r = stats.channelCorrelation();

        assertThat(r[0][1]).isCloseTo(1 / Math.sqrt(5), within(EXACT));
        assertThat(r[0][2]).isCloseTo(-2 / Math.sqrt(5), within(EXACT));
        assertThat(r[1][2]).isCloseTo(0.0, within(EXACT));
        assertThat(r[2][0]).isEqualTo(r[0][2]);
        assertThat(r[1][1]).isEqualTo(1.0);
        assertThat(stats.channelMeans()).containsExactly(1.5, 0.5, 1.5);
        assertThat(stats.channelStds()[0]).isCloseTo(Math.sqrt(1.25), within(EXACT));
        assertThat(stats.std()).isCloseTo(1.2133516482134197, within(EXACT));
        assertThat(stats.histogram()).hasNumberOfRows(3);
        assertThat(stats.histogram()[2][3]).isEqualTo(2);
    }

    @Test
    void singleChannelSetHasNoChannelCorrelation() {
        assertThat(ImageStats.of(threeTinyImages()).channelCorrelation()).isNull();
    }

    @Test
    void constantDataHasExactlyZeroStdAndUndefinedCorrelation() {
        // A naive double sum of squares would leave rounding noise here; the exact sums give 0 and NaN.
        int images = 5000;
        byte[] pixels = new byte[images * 16 * 3];
        Arrays.fill(pixels, (byte) 201);
        ImageStats stats = ImageStats.of(new ImageSet(pixels, images, 4, 4, 3, null, List.of(), "test:constant"));

        assertThat(stats.std()).isEqualTo(0.0);
        assertThat(stats.stdImage()).containsOnly(0f);
        assertThat(stats.mean()).isEqualTo(201.0);
        assertThat(stats.channelCorrelation()[0][1]).isNaN();
    }

    @Test
    void realMnistTestSplitMatchesNumpy() {
        ImageSet mnist = IdxLoader.load(Path.of("data/mnist/t10k-images-idx3-ubyte.gz"),
                Path.of("data/mnist/t10k-labels-idx1-ubyte.gz"), List.of());
        ImageStats stats = ImageStats.of(mnist);

        assertThat(stats.mean()).isCloseTo(33.791224489795916, within(1e-9));
        assertThat(stats.std()).isCloseTo(79.17246322228644, within(1e-9));
        assertThat(stats.classCounts()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(stats.histogram()[0][0]).isEqualTo(6_328_781);
        assertThat(stats.histogram()[0][255]).isEqualTo(56_835);
        int centre = 14 * 28 + 14;
        assertThat(stats.classMeanImages()[1][centre]).isCloseTo(247.53745f, within(1e-3f));
        assertThat(stats.classStdImages()[1][centre]).isCloseTo(26.328493f, within(1e-3f));
        double[][] r = stats.pixelCorrelation();
        assertThat(IntStream.range(0, 100).filter(j -> Double.isNaN(r[j][j])).count()).isEqualTo(69);
        assertThat(r[66][67]).isCloseTo(0.6953653931338808, within(1e-12));
        assertThat(r[65][92]).isCloseTo(0.05949279235694544, within(1e-12));
    }

    @Test
    void cifarSizedTrainSplitTakesAFewSecondsAtMost() {
        int images = 60_000;
        byte[] pixels = new byte[images * 3072];
        new Random(1).nextBytes(pixels);
        int[] labels = new int[images];
        Arrays.setAll(labels, i -> i % 10);
        ImageSet cifarSized = new ImageSet(pixels, images, 32, 32, 3, labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "test:cifar-sized");

        long start = System.nanoTime();
        ImageStats stats = ImageStats.of(cifarSized);
        double seconds = (System.nanoTime() - start) / 1e9;

        // Typically about 1 s; the bound only catches an accidental change of complexity.
        assertThat(seconds).isLessThan(15);
        assertThat(stats.mean()).isCloseTo(127.5, within(0.1));
        assertThat(stats.channelCorrelation()[0][1]).isCloseTo(0.0, within(1e-3));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (byte) values[k];
        }
        return out;
    }
}
