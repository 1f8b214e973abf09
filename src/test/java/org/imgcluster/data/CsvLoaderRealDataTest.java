package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A full-size Kaggle CSV: all 60,000 Fashion-MNIST training images written out and read back. */
class CsvLoaderRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(CsvLoaderRealDataTest.class);

    @TempDir
    Path dir;

    @Test
    void sixtyThousandRowsRoundTripExactly() throws IOException {
        Path fashion = TestData.sharedDatasets().resolve("fashion-mnist");
        ImageSet train = IdxLoader.load(fashion.resolve("train-images-idx3-ubyte.gz"),
                fashion.resolve("train-labels-idx1-ubyte.gz"), List.of());
        Path csv = dir.resolve("fashion-mnist_train.csv");

        long start = System.nanoTime();
        CsvLoader.write(train, csv);
        long written = System.nanoTime();
        ImageSet loaded = CsvLoader.load(csv);
        long read = System.nanoTime();
        LOG.info("60,000-row CSV of {} MB: written in {} ms, read in {} ms", Files.size(csv) >> 20,
                (written - start) / 1_000_000, (read - written) / 1_000_000);

        assertThat(loaded.size()).isEqualTo(60_000);
        assertThat(loaded.pixels()).isEqualTo(train.pixels());
        assertThat(loaded.labels()).isEqualTo(train.labels());
        assertThat((read - written) / 1_000_000).as("read time in ms (about 0.6 s here)").isLessThan(5_000);
    }
}
