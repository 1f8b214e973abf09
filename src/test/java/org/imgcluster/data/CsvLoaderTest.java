package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    @Test
    void labeledRoundTripIsExactWithTheKaggleHeader() throws IOException {
        ImageSet images = RandomImages.create(50, 28, 28, 1, 10, 1);
        Path csv = dir.resolve("fashion-mnist_train.csv");

        CsvLoader.write(images, csv);
        ImageSet loaded = CsvLoader.load(csv);

        assertThat(firstLine(csv)).startsWith("label,pixel1,pixel2,").endsWith(",pixel784");
        assertSameImages(loaded, images);
        assertThat(loaded.labels()).isEqualTo(images.labels());
        assertThat(loaded.source()).isEqualTo(csv.toString());
    }

    @Test
    void digitRecognizerLayoutWithPixel0HeaderLoadsTheSameImages() throws IOException {
        ImageSet images = RandomImages.create(20, 28, 28, 1, 10, 2);
        Path csv = writeDigitRecognizerCsv("train.csv", images);

        ImageSet loaded = CsvLoader.load(csv);

        assertThat(firstLine(csv)).startsWith("label,pixel0,pixel1,").endsWith(",pixel783");
        assertSameImages(loaded, images);
        assertThat(loaded.labels()).isEqualTo(images.labels());
    }

    @Test
    void unlabeledRoundTripIsExact() throws IOException {
        ImageSet images = RandomImages.create(30, 28, 28, 1, 0, 3);
        Path csv = dir.resolve("test.csv");

        CsvLoader.write(images, csv);
        ImageSet loaded = CsvLoader.load(csv);

        assertThat(firstLine(csv)).startsWith("pixel1,pixel2,");
        assertThat(loaded.hasLabels()).isFalse();
        assertSameImages(loaded, images);
    }

    @Test
    void colourRoundTripIsExactAndStoredAsRedGreenBluePlanes() throws IOException {
        ImageSet images = RandomImages.create(12, 32, 32, 3, 10, 4);
        Path csv = dir.resolve("cifar.csv");

        CsvLoader.write(images, csv);
        ImageSet loaded = CsvLoader.load(csv);

        assertSameImages(loaded, images);
        assertThat(loaded.labels()).isEqualTo(images.labels());
        String[] firstRow = Files.readAllLines(csv).get(1).split(",");
        int row = 5;
        int col = 7;
        int p = row * 32 + col;
        for (int ch = 0; ch < 3; ch++) {
            assertThat(Integer.parseInt(firstRow[1 + ch * 1024 + p])).as("plane %d", ch)
                    .isEqualTo(images.value(0, p * 3 + ch));
        }
    }

    @Test
    void otherSquareSizesAreGreyImages() throws IOException {
        ImageSet images = RandomImages.create(5, 8, 8, 1, 3, 5);
        Path csv = dir.resolve("small.csv");

        CsvLoader.write(images, csv);
        ImageSet loaded = CsvLoader.load(csv, List.of("a", "b", "c"));

        assertThat(new int[] {loaded.height(), loaded.width(), loaded.channels()}).containsExactly(8, 8, 1);
        assertSameImages(loaded, images);
        assertThat(loaded.classNames()).containsExactly("a", "b", "c");
    }

    @Test
    void withoutHeaderTheColumnCountDecidesWhetherTheLabelComesFirst() throws IOException {
        Path labeled = write("labeled.csv", "3," + row(784, 9) + "\n1," + row(784, 200) + "\n");
        Path unlabeled = write("unlabeled.csv", row(784, 9) + "\r\n" + row(784, 0) + "\r\n");

        ImageSet withLabels = CsvLoader.load(labeled);
        ImageSet withoutLabels = CsvLoader.load(unlabeled);

        assertThat(withLabels.labels()).containsExactly(3, 1);
        assertThat(withLabels.value(1, 783)).isEqualTo(200);
        assertThat(withLabels.classNames()).containsExactly("0", "1", "2", "3");
        assertThat(withoutLabels.hasLabels()).isFalse();
        assertThat(withoutLabels.size()).isEqualTo(2);
        assertThat(withoutLabels.value(0, 0)).isEqualTo(9);
    }

    @Test
    void theLabelColumnMayStandAnywhereAndBlankLinesAreSkipped() throws IOException {
        String header = IntStream.range(0, 4).mapToObj(j -> "p" + j).collect(Collectors.joining(",")) + ",\"Label\"";
        Path csv = write("last.csv", header + "\n1,2,3,4,1\n\n5,6,7,8,0\n");

        ImageSet loaded = CsvLoader.load(csv);

        assertThat(loaded.labels()).containsExactly(1, 0);
        assertThat(loaded.image(1)).containsExactly(5, 6, 7, 8);
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreAccepted() throws IOException {
        Path csv = write("floats.csv", "label,a,b,c,d\n2.0,0.0,12.00,255.0,7\n");

        ImageSet loaded = CsvLoader.load(csv);

        assertThat(loaded.labels()).containsExactly(2);
        assertThat(loaded.image(0)).containsExactly(0, 12, (byte) 255, 7);
    }

    @Test
    void fractionsAreRejectedWithLineAndColumn() throws IOException {
        Path csv = write("fraction.csv", "label,a,b,c,d\n2,0,12.5,255,7\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .isInstanceOf(BadInputException.class)
                .hasMessage(csv + ": line 2, column 3 (b): '12.5' is not a whole number (values must be integers)");
    }

    @Test
    void rejectsNonNumericValues() throws IOException {
        Path csv = write("text.csv", "label,a,b,c,d\n2,0,1,2,3\n2,0,x7,2,3\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 3, column 3 (b): 'x7' is not a number");
    }

    @Test
    void rejectsAnEmptyValue() throws IOException {
        Path csv = write("empty.csv", "1,2,,4\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 1, column 3: '' is not a number");
    }

    @Test
    void rejectsPixelValuesOutside0To255() throws IOException {
        Path csv = write("range.csv", "label,a,b,c,d\n2,0,1,256,3\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 2, column 4 (c): value 256 is outside 0..255");
    }

    @Test
    void rejectsNegativePixelValues() throws IOException {
        Path csv = write("negative.csv", "1,2,3,4\n1,-2,3,4\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 2, column 2: value -2 is outside 0..255");
    }

    @Test
    void rejectsNegativeLabels() throws IOException {
        Path csv = write("label.csv", "label,a,b,c,d\n-1,0,1,2,3\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 2, column 1 (label): label -1 is outside 0..999");
    }

    @Test
    void rejectsHugeLabels() throws IOException {
        Path csv = write("huge.csv", "label,a,b,c,d\n0,0,1,2,3\n99999999999999999999,0,1,2,3\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 3, column 1 (label): label 99999999999999999999 is outside 0..999");
    }

    @Test
    void rejectsLabelsBeyondTheGivenClassNames() throws IOException {
        Path csv = write("names.csv", "label,a,b,c,d\n0,0,1,2,3\n2,0,1,2,3\n");

        assertThatThrownBy(() -> CsvLoader.load(csv, List.of("cat", "dog")))
                .hasMessage(csv + ": line 3, column 1 (label): label 2 is outside 0..1");
    }

    @Test
    void rejectsRowsWithTooFewColumns() throws IOException {
        Path csv = write("short.csv", "label,a,b,c,d\n0,0,1,2,3\n0,0,1,2\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 3 has 4 columns, expected 5 (as in line 1)");
    }

    @Test
    void rejectsRowsWithTooManyColumns() throws IOException {
        Path csv = write("long.csv", "label,a,b,c,d\n0,0,1,2,3,4,5\n");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 2 has 7 columns, expected 5 (as in line 1)");
    }

    @Test
    void rejectsAColumnCountThatIsNoImage() throws IOException {
        Path withHeader = write("header.csv", "label,a,b,c\n0,1,2,3\n");
        Path withoutHeader = write("plain.csv", "0,1,2\n");

        assertThatThrownBy(() -> CsvLoader.load(withHeader))
                .hasMessage(withHeader + ": line 1: 3 pixel columns do not make an image; expected "
                        + "784 (28x28), 3072 (32x32x3, planes R, G, B) or another square number");
        assertThatThrownBy(() -> CsvLoader.load(withoutHeader))
                .hasMessage(withoutHeader + ": line 1 has 3 columns and no header: expected a pixel count (784 (28x28),"
                        + " 3072 (32x32x3, planes R, G, B) or another square number), or one more with the label first");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path csv = write("nothing.csv", "");

        assertThatThrownBy(() -> CsvLoader.load(csv))
                .hasMessage(csv + ": line 1 is empty: expected a header or a first row of pixels");
    }

    @Test
    void gzippedCsvLoadsToo() throws IOException {
        ImageSet images = RandomImages.create(4, 28, 28, 1, 10, 6);
        Path csv = dir.resolve("plain.csv");
        CsvLoader.write(images, csv);
        Path gz = Files.write(dir.resolve("packed.csv.gz"), IdxLoaderTest.gzip(Files.readAllBytes(csv)));

        assertSameImages(CsvLoader.load(gz), images);
    }

    @Test
    void writeReplacesAnOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("out.csv"), "old");

        CsvLoader.write(RandomImages.create(3, 28, 28, 1, 10, 7), csv);

        assertThat(CsvLoader.load(csv).size()).isEqualTo(3);
        assertThat(listing()).containsExactly("out.csv");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken.csv"));
        Files.writeString(target.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> CsvLoader.write(RandomImages.create(3, 28, 28, 1, 10, 8), target))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(target + ": cannot write: ");
        assertThat(listing()).containsExactly("taken.csv");
    }

    @Test
    void imagesACsvCannotHoldAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path csv = dir.resolve("odd.csv");

        assertThatThrownBy(() -> CsvLoader.write(RandomImages.create(3, 28, 28, 3, 10, 9), csv))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot write 28x28x3 images to " + csv
                        + ": a CSV holds square grey images or 32x32x3 colour images");
        assertThat(listing()).isEmpty();
    }

    /** Kaggle digit-recognizer's train.csv: header label,pixel0..pixel783. */
    private Path writeDigitRecognizerCsv(String name, ImageSet images) throws IOException {
        StringBuilder text = new StringBuilder("label,");
        text.append(IntStream.range(0, images.imageLength()).mapToObj(j -> "pixel" + j)
                .collect(Collectors.joining(","))).append('\n');
        for (int i = 0; i < images.size(); i++) {
            int image = i;
            text.append(images.label(i)).append(',')
                    .append(IntStream.range(0, images.imageLength()).mapToObj(j -> Integer.toString(images.value(image, j)))
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return write(name, text.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static String row(int columns, int value) {
        return IntStream.range(0, columns).mapToObj(j -> Integer.toString(value)).collect(Collectors.joining(","));
    }

    private static String firstLine(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.findFirst().orElseThrow();
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertSameImages(ImageSet actual, ImageSet expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(new int[] {actual.height(), actual.width(), actual.channels()})
                .containsExactly(expected.height(), expected.width(), expected.channels());
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
    }
}
