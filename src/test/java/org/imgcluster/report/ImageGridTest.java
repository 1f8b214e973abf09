package org.imgcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.imgcluster.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    /** Two 2×2 grey images: a checkerboard (black, white / white, black) and a uniform 128. */
    private static ImageSet greyPair() {
        byte[] pixels = {0, (byte) 255, (byte) 255, 0, (byte) 128, (byte) 128, (byte) 128, (byte) 128};
        return new ImageSet(pixels, 2, 2, 2, 1, new int[] {0, 1}, List.of("board", "grey"), "test:grey");
    }

    @Test
    void upscalesByNearestNeighbourSoPixelsStaySharp() throws IOException {
        ImageSet set = greyPair();
        ImageGrid grid = new ImageGrid("test: checkerboard ×5", 5)
                .addRow("board", List.of(ImageGrid.toImage(set, 0)))
                .addRow("grey", List.of(ImageGrid.toImage(set, 1)), List.of("uniform 128"));
        Path file = dir.resolve("grid.png");
        grid.savePng(file);

        BufferedImage png = ImageIO.read(file.toFile());
        BufferedImage rendered = grid.render();
        assertThat(png.getWidth()).isEqualTo(rendered.getWidth());
        assertThat(png.getHeight()).isEqualTo(rendered.getHeight());
        Rectangle board = grid.cellBounds(0, 0);
        assertThat(board.width).isEqualTo(10);
        assertThat(board.height).isEqualTo(10);
        assertThat(new Rectangle(png.getWidth(), png.getHeight()).contains(grid.cellBounds(1, 0))).isTrue();
        // Every screen pixel of a source pixel's 5×5 block has exactly its colour: no smoothing at the edges.
        for (int d = 0; d < 5; d++) {
            assertThat(png.getRGB(board.x + d, board.y + d) & 0xFFFFFF).isEqualTo(0x000000);
            assertThat(png.getRGB(board.x + 5 + d, board.y + d) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(png.getRGB(board.x + d, board.y + 5 + d) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        Rectangle grey = grid.cellBounds(1, 0);
        assertThat(png.getRGB(grey.x + 4, grey.y + 4) & 0xFFFFFF).isEqualTo(0x808080);
        assertThat(png.getRGB(0, png.getHeight() - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void columnCaptionsAreDrawnAboveTheFirstRow() {
        BufferedImage white = ImageGrid.toImage(new float[] {255, 255, 255, 255}, 2, 2, 1, IntensityScale.BYTE_RANGE);
        ImageGrid plain = new ImageGrid("test: columns", 10).addRow("", List.of(white, white));
        ImageGrid captioned = new ImageGrid("test: columns", 10).columnCaptions(List.of("A", "B"))
                .addRow("", List.of(white, white));
        Rectangle first = captioned.cellBounds(0, 0);
        int bandTop = plain.cellBounds(0, 0).y;
        assertThat(first.y).isGreaterThan(bandTop);

        BufferedImage out = captioned.render();
        long ink = 0;
        for (int y = bandTop; y < first.y; y++) {
            for (int x = first.x; x < first.x + first.width; x++) {
                ink += (out.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(ink).as("caption pixels above the first column").isPositive();
    }

    @Test
    void colourImagesKeepTheirChannels() {
        byte[] pixels = {(byte) 255, 0, 0, 0, (byte) 200, 0};
        ImageSet rgb = new ImageSet(pixels, 1, 1, 2, 3, null, List.of(), "test:rgb");
        BufferedImage image = ImageGrid.toImage(rgb, 0);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00C800);
    }

    @Test
    void floatImagesAreDrawnByTheStatedScale() {
        IntensityScale scale = new IntensityScale(0, 10);
        BufferedImage image = ImageGrid.toImage(new float[] {5, 20, -3, Float.NaN}, 1, 4, 1, scale);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(2, 0) & 0xFFFFFF).isZero();
        assertThat(image.getRGB(3, 0) & 0xFFFFFF).isZero();
        assertThat(scale.describe()).isEqualTo("0 → black, 10 → white, linear");
    }

    @Test
    void sharedScaleRunsFromZeroToTheLargestFiniteValue() {
        IntensityScale scale = IntensityScale.zeroToMax(new float[] {1, 2.5f}, new float[] {Float.NaN, 40.25f});

        assertThat(scale.low()).isZero();
        assertThat(scale.high()).isEqualTo(40.25);
        assertThat(scale.describe()).isEqualTo("0 → black, 40.3 → white, linear");
    }

    @Test
    void legibleScaleMakesSmallImagesAbout84PixelsAcross() {
        assertThat(ImageGrid.legibleScale(28, 28)).isEqualTo(3);
        assertThat(ImageGrid.legibleScale(32, 32)).isEqualTo(3);
        assertThat(ImageGrid.legibleScale(8, 8)).isEqualTo(11);
        assertThat(ImageGrid.legibleScale(200, 100)).isEqualTo(1);
    }

    @Test
    void imagesOfDifferentSizesAreRefused() {
        ImageGrid grid = new ImageGrid("t", 1).addRow("", List.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));

        assertThatThrownBy(() -> grid.addRow("", List.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one size");
    }

    @Test
    void onlyGreyAndRgbCanBeDrawn() {
        assertThatThrownBy(() -> ImageGrid.toImage(new float[4], 1, 1, 4, IntensityScale.BYTE_RANGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 4");
    }
}
