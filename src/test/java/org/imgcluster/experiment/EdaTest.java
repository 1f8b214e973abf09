package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdaTest {
    private static final List<String> GREY_FIGURES = List.of(Eda.SAMPLES, Eda.CLASS_DISTRIBUTION, Eda.PIXEL_HISTOGRAM,
            Eda.CLASS_MEANS, Eda.CLASS_STDS, Eda.PIXEL_CORRELATION);

    @TempDir
    Path dir;

    /** {@code count} images of side×side×channels; image i is class i % 3 and every value in it is 100·(i % 3). */
    private static ImageSet threeLevels(int count, int side, int channels, boolean labeled, String source) {
        int length = side * side * channels;
        byte[] pixels = new byte[count * length];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            Arrays.fill(pixels, i * length, (i + 1) * length, (byte) (100 * labels[i]));
        }
        return new ImageSet(pixels, count, side, side, channels, labeled ? labels : null,
                labeled ? List.of("zero", "hundred", "two hundred") : List.of(), source);
    }

    @Test
    void labeledGreySetGetsEveryFigureAndAPageThatEmbedsThemAll() throws IOException {
        ImageSet train = threeLevels(30, 8, 1, true, "synthetic/train-images");
        ImageSet test = threeLevels(12, 8, 1, true, "synthetic/t10k-images");

        EdaResult result = Eda.run("synthetic", train, test, dir);

        assertThat(result.figures()).containsExactlyElementsOf(GREY_FIGURES.stream().map(dir::resolve).toList());
        for (Path figure : result.figures()) {
            BufferedImage png = ImageIO.read(figure.toFile());
            assertThat(png).as(figure.toString()).isNotNull();
            assertThat(png.getWidth()).isGreaterThan(100);
        }
        String html = Files.readString(dir.resolve(Eda.HTML));
        for (String figure : GREY_FIGURES) {
            assertThat(html).contains("data-file=\"" + figure + "\"");
        }
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(GREY_FIGURES.size() + 1);
        assertThat(html).contains("<th scope=\"col\">test images</th>", "two hundred");
        assertThat(result.html()).isEqualTo(dir.resolve(Eda.HTML));
        assertThat(result.split()).isEqualTo("train");
    }

    @Test
    void summaryLinesGiveTheStatistics() throws IOException {
        EdaResult result = Eda.run("synthetic", threeLevels(30, 8, 1, true, "synthetic/train-images"), null, dir);

        // Values 0, 100 and 200 in equal numbers: mean 100, population std sqrt(20000 / 3) = 81.65.
        assertThat(result.summaryLines()).contains(
                "shape (N × H × W × C): 30 × 8 × 8 × 1",
                "dtype: uint8",
                "value range: 0 .. 200",
                "mean ± std (all values, 0..255): 100.00 ± 81.65",
                "classes: 3, each with 10 images",
                "images per class: zero: 10, hundred: 10, two hundred: 10");
    }

    @Test
    void colourSetAlsoGetsTheChannelCorrelation() throws IOException {
        EdaResult result = Eda.run("synthetic-rgb", threeLevels(21, 4, 3, true, "synthetic:data_batch_1"), null, dir);

        assertThat(result.figures()).contains(dir.resolve(Eda.CHANNEL_CORRELATION)).hasSize(7);
        assertThat(ImageIO.read(dir.resolve(Eda.CHANNEL_CORRELATION).toFile())).isNotNull();
        assertThat(Files.readString(dir.resolve(Eda.HTML))).contains("data-file=\"" + Eda.CHANNEL_CORRELATION + "\"");
        assertThat(result.summaryLines()).contains(
                "mean ± std per channel (R, G, B): 100.00 ± 81.65, 100.00 ± 81.65, 100.00 ± 81.65",
                "channel correlation (R–G, R–B, G–B): 1.000, 1.000, 1.000");
    }

    @Test
    void unlabeledSetGetsAPlainSampleGridAndNoClassDistribution() throws IOException {
        EdaResult result = Eda.run("synthetic", threeLevels(25, 8, 1, false, "synthetic/images"), null, dir);

        assertThat(result.figures()).contains(dir.resolve(Eda.SAMPLES), dir.resolve(Eda.CLASS_MEANS))
                .doesNotContain(dir.resolve(Eda.CLASS_DISTRIBUTION));
        assertThat(dir.resolve(Eda.CLASS_DISTRIBUTION)).doesNotExist();
        assertThat(result.summaryLines()).contains("classes: none (unlabeled)");
    }

    @Test
    void aFailingFigureLeavesNoPage() throws IOException {
        // A non-empty folder where the last figure goes makes its final rename fail.
        Files.createDirectories(dir.resolve(Eda.PIXEL_CORRELATION).resolve("blocker"));

        assertThatThrownBy(() -> Eda.run("synthetic", threeLevels(30, 8, 1, true, "synthetic/train-images"), null, dir))
                .isInstanceOf(IOException.class);
        assertThat(dir.resolve(Eda.HTML)).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void anEmptySetIsRefusedWithAMessageForTheUser() {
        ImageSet empty = new ImageSet(new byte[0], 0, 8, 8, 1, null, List.of(), "synthetic/empty");

        assertThatThrownBy(() -> Eda.run("synthetic", empty, null, dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no images");
    }

    @Test
    void splitNamesAreReadFromTheUsualFileNames() {
        assertThat(Splits.name(threeLevels(3, 2, 1, true, "/data/mnist/t10k-images-idx3-ubyte.gz"))).isEqualTo("test");
        assertThat(Splits.name(threeLevels(3, 2, 1, true, "embedded:mnist/train-images-idx3-ubyte.gz"))).isEqualTo("train");
        assertThat(Splits.name(threeLevels(3, 2, 1, true, "cifar-10-batches-bin/test_batch.bin"))).isEqualTo("test");
        assertThat(Splits.name(threeLevels(3, 2, 1, true, "/x/digits.csv"))).isEqualTo("digits.csv");
    }
}
