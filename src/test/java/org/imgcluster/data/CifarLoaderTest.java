package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.imgcluster.data.CifarPickleWriter.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CifarLoaderTest {
    private static final List<String> NAMES = List.of("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse",
            "ship", "truck");

    @TempDir
    Path dir;

    @Test
    void binaryVersionRoundTripsExactlyForBothSplits() throws IOException {
        ImageSet train = RandomImages.create(100, 32, 32, 3, 10, 21);
        ImageSet test = RandomImages.create(20, 32, 32, 3, 10, 22);
        CifarBinaryWriter.writeSplit(dir, Split.TRAIN, train);
        CifarBinaryWriter.writeSplit(dir, Split.TEST, test);
        CifarBinaryWriter.writeMeta(dir.resolve("batches.meta.txt"), NAMES);

        ImageSet loadedTrain = CifarLoader.load(dir, Split.TRAIN);
        ImageSet loadedTest = CifarLoader.load(dir, Split.TEST);

        assertSame(loadedTrain, train);
        assertSame(loadedTest, test);
        assertThat(loadedTrain.classNames()).isEqualTo(NAMES);
        assertThat(loadedTrain.source()).isEqualTo(dir + " (CIFAR-10 binary version, train)");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void pythonVersionRoundTripsExactlyForBothSplits(Dialect dialect) throws IOException {
        ImageSet train = RandomImages.create(100, 32, 32, 3, 10, 23);
        ImageSet test = RandomImages.create(20, 32, 32, 3, 10, 24);
        CifarPickleWriter.writeSplit(dir, Split.TRAIN, train, dialect);
        CifarPickleWriter.writeSplit(dir, Split.TEST, test, dialect);
        CifarPickleWriter.writeMeta(dir.resolve("batches.meta"), NAMES, 20, dialect);

        assertSame(CifarLoader.load(dir, Split.TRAIN), train);
        assertSame(CifarLoader.load(dir, Split.TEST), test);
        assertThat(CifarLoader.load(dir, Split.TEST).classNames()).isEqualTo(NAMES);
    }

    @Test
    void findsTheArchiveFolderAndDefaultsTheClassNames() throws IOException {
        Path extracted = Files.createDirectory(dir.resolve("cifar-10-batches-py"));
        ImageSet test = RandomImages.create(20, 32, 32, 3, 10, 25);
        CifarPickleWriter.writeSplit(extracted, Split.TEST, test, Dialect.PYTHON2);

        ImageSet loaded = CifarLoader.load(dir, Split.TEST);

        assertSame(loaded, test);
        assertThat(loaded.classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck");
        assertThat(loaded.source()).isEqualTo(extracted + " (CIFAR-10 python version, test)");
    }

    @Test
    void convertsPlanesToChannelsLast() throws IOException {
        byte[] record = new byte[3073];
        record[0] = 4;
        int p = 3 * 32 + 5;
        record[1 + p] = 10;
        record[1 + 1024 + p] = 20;
        record[1 + 2048 + p] = 30;
        Files.write(dir.resolve("test_batch.bin"), record);

        ImageSet loaded = CifarLoader.load(dir, Split.TEST);

        assertThat(loaded.label(0)).isEqualTo(4);
        assertThat(Arrays.copyOfRange(loaded.image(0), p * 3, p * 3 + 3)).containsExactly(10, 20, 30);
    }

    @Test
    void rejectsABinaryFileWithAnIncompleteRecord() throws IOException {
        CifarBinaryWriter.writeBatch(dir.resolve("test_batch.bin"), RandomImages.create(20, 32, 32, 3, 10, 26));
        Path file = dir.resolve("test_batch.bin");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 3073 * 20 - 100));

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": 61360 bytes is not a whole number of 3073-byte records: record 19 at byte offset"
                        + " 58387 has 2973 bytes");
    }

    @Test
    void rejectsABinaryLabelOutsideTheClasses() throws IOException {
        Path file = dir.resolve("test_batch.bin");
        CifarBinaryWriter.writeBatch(file, RandomImages.create(20, 32, 32, 3, 10, 27));
        byte[] data = Files.readAllBytes(file);
        data[3073 * 7] = 10;
        Files.write(file, data);

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .hasMessage(file + ": label 10 of record 7 (byte offset 21511) is outside 0..9");
    }

    @Test
    void aFolderWithoutBatchesListsTheNamesItLookedFor() {
        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TRAIN))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": no CIFAR-10 batch files here or in cifar-10-batches-bin/ or cifar-10-batches-py/;"
                        + " looked for data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                        + " data_batch_5.bin, test_batch.bin, data_batch_1, data_batch_2, data_batch_3, data_batch_4,"
                        + " data_batch_5, test_batch");
    }

    @Test
    void aMissingTrainingBatchIsNamed() throws IOException {
        CifarBinaryWriter.writeSplit(dir, Split.TRAIN, RandomImages.create(100, 32, 32, 3, 10, 28));
        Files.delete(dir.resolve("data_batch_4.bin"));

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TRAIN))
                .hasMessage(dir + ": missing data_batch_4.bin (the train split of the CIFAR-10 binary version needs"
                        + " data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin)");
    }

    @Test
    void rejectsAPickleThatIsNoPickle() throws IOException {
        Path file = Files.writeString(dir.resolve("test_batch"), "not a pickle");

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": not a readable pickle: ");
    }

    @Test
    void rejectsPickledDataOfTheWrongShape() throws IOException {
        Path file = dir.resolve("test_batch");
        CifarPickleWriter.writeBatch(file, RandomImages.create(20, 32, 32, 3, 10, 29), "testing batch 1 of 1",
                Dialect.PYTHON2);
        byte[] data = Files.readAllBytes(file);
        replace(data, new byte[] {'M', 0x00, 0x0c, (byte) 0x86}, new byte[] {'M', 0x01, 0x0c, (byte) 0x86});
        Files.write(file, data);

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .hasMessage(file + ": 'data' has shape (20, 3073), expected (N, 3072)");
    }

    @Test
    void rejectsAPickledDictWithoutData() throws IOException {
        Path file = dir.resolve("test_batch");
        CifarPickleWriter.writeBatch(file, RandomImages.create(20, 32, 32, 3, 10, 30), "testing batch 1 of 1",
                Dialect.PYTHON3);
        byte[] data = Files.readAllBytes(file);
        replace(data, "C\u0004data".getBytes(StandardCharsets.ISO_8859_1),
                "C\u0004date".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, data);

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .hasMessage(file + ": no 'data' key in the pickled dict (keys: batch_label, date, filenames, labels)");
    }

    @Test
    void rejectsAPickledLabelOutsideTheClasses() throws IOException {
        Path file = dir.resolve("test_batch");
        int[] labels = RandomImages.create(20, 32, 32, 3, 10, 31).labels();
        labels[6] = 11;
        ImageSet images = new ImageSet(new byte[20 * 3072], 20, 32, 32, 3, labels, List.of(), "labels");
        CifarPickleWriter.writeBatch(file, images, "testing batch 1 of 1", Dialect.PYTHON2);

        assertThatThrownBy(() -> CifarLoader.load(dir, Split.TEST))
                .hasMessage(file + ": 'labels'[6] = 11 is outside 0..9");
    }

    private static void assertSame(ImageSet loaded, ImageSet expected) {
        assertThat(loaded.size()).isEqualTo(expected.size());
        assertThat(new int[] {loaded.height(), loaded.width(), loaded.channels()}).containsExactly(32, 32, 3);
        assertThat(loaded.pixels()).isEqualTo(expected.pixels());
        assertThat(loaded.labels()).isEqualTo(expected.labels());
    }

    /** Replaces the single occurrence of {@code from} in {@code data} by {@code to} (same length). */
    private static void replace(byte[] data, byte[] from, byte[] to) {
        int found = -1;
        for (int i = 0; i + from.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                assertThat(found).as("a single occurrence").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("occurrence").isNotNegative();
        System.arraycopy(to, 0, data, found, to.length);
    }
}
