package org.imgcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final Color SECOND_SERIES = new Color(0, 200, 0);

    @TempDir
    Path dir;

    @Test
    void barChartWithTwoSeriesIsAWhite900By560PngWithBothColours() throws IOException {
        Path file = dir.resolve("bars.png");
        Charts.savePng(Charts.barChart("test: two series", "class", "share (%)", List.of("a", "b", "c"),
                List.of(new Charts.Series("train", new double[] {10, 20, 30}),
                        new Charts.Series("test", new double[] {30, 20, 10}, SECOND_SERIES))), file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getHeight()).isEqualTo(560);
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(count(png, rgb -> rgb == SECOND_SERIES.getRGB())).isGreaterThan(500);
        assertThat(count(png, rgb -> rgb == new Color(0x1F, 0x77, 0xB4).getRGB())).isGreaterThan(500);
    }

    @Test
    void seriesOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Charts.barChart("t", "x", "y", List.of("a", "b"),
                List.of(new Charts.Series("s", new double[] {1}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s' has 1 values, expected 2");
    }

    @Test
    void aNaNValueDrawsNoBarAndLeavesTheAxisFromZero() throws IOException {
        Path file = dir.resolve("gaps.png");
        var chart = Charts.barChart("test: a missing bar", "algorithm", "NMI", List.of("a", "b"),
                List.of(new Charts.Series("raw", new double[] {0.5, Double.NaN}),
                        new Charts.Series("pca", new double[] {Double.NaN, 0.6}, SECOND_SERIES)));
        assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0.0);
        assertThat(chart.getStyler().getYAxisMax()).isCloseTo(0.66, org.assertj.core.data.Offset.offset(1e-9));
        Charts.savePng(chart, file);
        assertThat(count(ImageIO.read(file.toFile()), rgb -> rgb == SECOND_SERIES.getRGB())).isGreaterThan(500);
    }

    @Test
    void logarithmicHistogramDrawsEmptyBinsAsGapsInsteadOfFailing() throws IOException {
        double[] counts = new double[256];
        counts[0] = 1000;
        counts[7] = 10;
        counts[255] = 3;
        Path file = dir.resolve("histogram.png");
        Charts.savePng(Charts.histogram("test: sparse histogram (log scale)", "value", "count",
                List.of(new Charts.Series("all", counts)), true), file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getHeight()).isEqualTo(560);
    }

    @Test
    void heatMapPutsRowZeroAtTheTopAndShowsNaNCellsGrey() throws IOException {
        Path file = dir.resolve("heat.png");
        double[][] values = {{1, 1, 1}, {Double.NaN, 0, 0}, {-1, -1, -1}};
        Charts.savePng(Charts.heatMap("test: rows", "column", "row", List.of("0", "1", "2"), List.of("0", "1", "2"),
                values, Charts.ColourScale.correlation()), file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(Charts.HEAT_MAP_WIDTH);
        assertThat(png.getHeight()).isEqualTo(Charts.HEAT_MAP_HEIGHT);
        // Only the plot (left of the colour bar) is searched: red (+1) rows must lie above blue (−1) rows.
        double redY = meanY(png, png.getWidth() * 3 / 4, rgb -> red(rgb) > 150 && blue(rgb) < 80);
        double blueY = meanY(png, png.getWidth() * 3 / 4, rgb -> blue(rgb) > 150 && red(rgb) < 100);
        assertThat(redY).isLessThan(blueY);
        assertThat(count(png, rgb -> rgb == ReportStyle.MISSING.getRGB())).isGreaterThan(1000);
    }

    @Test
    void heatMapWithoutNaNHasNoGreyBackground() throws IOException {
        Path file = dir.resolve("heat.png");
        Charts.savePng(Charts.heatMap("test: full", "c", "r", List.of("R", "G", "B"), List.of("R", "G", "B"),
                new double[][] {{1, 0.5, 0}, {0.5, 1, 0}, {0, 0, 1}}, Charts.ColourScale.correlation()), file);

        // Anti-aliased text may hit that grey in a pixel or two; a grey plot background would be thousands.
        assertThat(count(ImageIO.read(file.toFile()), rgb -> rgb == ReportStyle.MISSING.getRGB())).isLessThan(50);
    }

    @Test
    void heatMapOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> Charts.heatMap("t", "x", "y", List.of("a", "b"), List.of("a"),
                new double[][] {{1, 2, 3}}, Charts.ColourScale.sequential(0, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void savingLeavesNoTemporaryFilesBehind() throws IOException {
        Charts.savePng(Charts.lineChart("test: line", "x", "y", new double[] {0, 1, 2},
                List.of(new Charts.Series("s", new double[] {1, 4, 9}))), dir.resolve("line.png"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("line.png");
        }
    }

    private static long count(BufferedImage image, IntPredicate matches) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (matches.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double meanY(BufferedImage image, int maxX, IntPredicate matches) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < maxX; x++) {
                if (matches.test(image.getRGB(x, y))) {
                    sum += y;
                    n++;
                }
            }
        }
        assertThat(n).as("pixels of the searched colour").isPositive();
        return (double) sum / n;
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
