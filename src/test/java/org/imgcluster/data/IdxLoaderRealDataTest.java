package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real MNIST and Fashion-MNIST files (IMGCLUSTER_DATA), checked against values computed independently. */
class IdxLoaderRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(IdxLoaderRealDataTest.class);
    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    @TempDir
    Path dir;

    @Test
    void mnistTrainHasTheKnownCountsLabelsAndPixelSum() {
        Path mnist = TestData.sharedDatasets().resolve("mnist");
        long start = System.nanoTime();
        ImageSet train = IdxLoader.load(mnist.resolve("train-images-idx3-ubyte.gz"),
                mnist.resolve("train-labels-idx1-ubyte.gz"), DIGITS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("MNIST train loaded in {} ms", millis);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(new int[] {train.height(), train.width(), train.channels()}).containsExactly(28, 28, 1);
        assertThat(train.classCounts()).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(IntStream.range(0, 10).map(train::label).toArray()).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(pixelSum(train)).isEqualTo(1_567_298_545L);
        assertThat(millis).as("load time in ms (about 0.1 s here; a per-byte stream takes tens of seconds)")
                .isLessThan(2_000);
    }

    @Test
    void mnistTestHasTenThousandImages() {
        Path mnist = TestData.sharedDatasets().resolve("mnist");
        ImageSet test = IdxLoader.load(mnist.resolve("t10k-images-idx3-ubyte.gz"),
                mnist.resolve("t10k-labels-idx1-ubyte.gz"), DIGITS);

        assertThat(test.size()).isEqualTo(10_000);
        assertThat(new int[] {test.height(), test.width(), test.channels()}).containsExactly(28, 28, 1);
        assertThat(test.classCounts()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(pixelSum(test)).isEqualTo(264_923_200L);
    }

    @Test
    void fashionMnistHasSixThousandTrainAndOneThousandTestImagesPerClass() {
        Path fashion = TestData.sharedDatasets().resolve("fashion-mnist");
        ImageSet train = IdxLoader.load(fashion.resolve("train-images-idx3-ubyte.gz"),
                fashion.resolve("train-labels-idx1-ubyte.gz"), DIGITS);
        ImageSet test = IdxLoader.load(fashion.resolve("t10k-images-idx3-ubyte.gz"),
                fashion.resolve("t10k-labels-idx1-ubyte.gz"), DIGITS);

        assertThat(train.classCounts()).containsOnly(6000).hasSize(10);
        assertThat(test.classCounts()).containsOnly(1000).hasSize(10);
        assertThat(pixelSum(train)).isEqualTo(3_431_114_169L);
    }

    @Test
    void gzipAndRawFilesGiveTheBytesAnIndependentReaderSees() throws IOException {
        Path gz = TestData.sharedDatasets().resolve("mnist/train-images-idx3-ubyte.gz");
        Path raw = dir.resolve("train-images-idx3-ubyte");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, raw);
        }

        ImageSet fromGzip = IdxLoader.load(gz, null, DIGITS);
        ImageSet fromRaw = IdxLoader.load(raw, null, DIGITS);

        int[] probes = {0, 31_337, 59_999};
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(gz))))) {
            assertThat(new int[] {in.readInt(), in.readInt(), in.readInt(), in.readInt()})
                    .containsExactly(0x00000803, 60_000, 28, 28);
            int next = 0;
            for (int probe : probes) {
                in.skipNBytes((long) (probe - next) * 784);
                byte[] expected = in.readNBytes(784);
                next = probe + 1;
                assertThat(fromGzip.image(probe)).as("image %d from gzip", probe).isEqualTo(expected);
                assertThat(fromRaw.image(probe)).as("image %d from raw", probe).isEqualTo(expected);
            }
        }
        assertThat(fromRaw.pixels()).isEqualTo(fromGzip.pixels());
    }

    private static long pixelSum(ImageSet set) {
        long sum = 0;
        for (byte b : set.pixels()) {
            sum += b & 0xFF;
        }
        return sum;
    }
}
