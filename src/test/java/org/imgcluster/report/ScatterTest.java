package org.imgcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterTest {
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @TempDir
    Path dir;

    @Test
    void a2dEmbeddingIsTwoPanelsSideBySideWithALegendOfEveryClass() throws IOException {
        int n = 2_000;
        Path file = dir.resolve("umap.png");
        Scatter.savePng(new Scatter.Caption("UMAP", "Fashion-MNIST train", n, 60_000), points(n, 2),
                2, List.of(Scatter.Colouring.byCluster("k-means", labels(n, 4)),
                        Scatter.Colouring.byLabel(labels(n, 10), CLASSES)), file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(1520);
        assertThat(png.getHeight()).isEqualTo(644);
        Scatter.Layout layout = new Scatter.Layout(2, 2);
        for (int c = 0; c < 10; c++) {
            assertThat(contains(png, layout.legend(1), Scatter.colourOf(c, 10))).as("class %d in the legend", c)
                    .isTrue();
        }
        assertThat(contains(png, layout.legend(0), Scatter.colourOf(3, 4))).isTrue();
        assertThat(contains(png, layout.legend(0), Scatter.colourOf(4, 10))).as("a fifth cluster").isFalse();
    }

    @Test
    void a3dEmbeddingIsThreeProjectionsPerColouring() {
        BufferedImage image = Scatter.render(new Scatter.Caption("t-SNE", "MNIST test", 500, 500), points(500, 3), 3,
                List.of(Scatter.Colouring.byCluster("GMM", labels(500, 3)), Scatter.Colouring.byLabel(labels(500, 10),
                        CLASSES)));

        assertThat(image.getWidth()).isEqualTo(1404);
        assertThat(image.getHeight()).isEqualTo(924);
        Scatter.Layout layout = new Scatter.Layout(3, 2);
        assertThat(layout.panel(0, 2).x + layout.panel(0, 2).width).isEqualTo(layout.legend(0).x);
        assertThat(layout.legend(1).y + layout.legend(1).height).isEqualTo(924 - Scatter.MARGIN);
    }

    @Test
    void theTitleSaysWhenOnlyASubsampleIsShown() {
        assertThat(new Scatter.Caption("t-SNE", "MNIST train", 10_000, 60_000).title())
                .isEqualTo("t-SNE of MNIST train: subsample of 10,000 of 60,000 points");
        assertThat(new Scatter.Caption("UMAP", "MNIST train", 60_000, 60_000).title())
                .isEqualTo("UMAP of MNIST train: all 60,000 points");
    }

    @Test
    void groupsThatDoNotMatchThePointsAreRefused() {
        assertThatThrownBy(() -> Scatter.render(new Scatter.Caption("PCA", "x", 4, 4), points(4, 2), 2,
                List.of(Scatter.Colouring.byCluster("k-means", new int[] {0, 1, 0}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a group for each of the 4 points");
        assertThatThrownBy(() -> Scatter.Colouring.byLabel(new int[] {0, 10}, CLASSES))
                .hasMessage("group 10 is outside 0..9");
    }

    private static float[] points(int n, int dimensions) {
        SplittableRandom random = new SplittableRandom(1);
        float[] out = new float[n * dimensions];
        for (int t = 0; t < out.length; t++) {
            out[t] = (float) (random.nextDouble() * 10 + (t / dimensions) % 10);
        }
        return out;
    }

    private static int[] labels(int n, int classes) {
        return IntStream.range(0, n).map(i -> i % classes).toArray();
    }

    private static boolean contains(BufferedImage image, Rectangle area, Color colour) {
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }
}
