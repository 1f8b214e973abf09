package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.imgcluster.data.ImageSet;
import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Raw pixels: the images scaled to [0, 1] once, then the identity. */
class RawTest {
    @TempDir
    Path dir;

    @Test
    void pixelsBecomeRowsScaledToTheUnitInterval() {
        ImageSet images = new ImageSet(new byte[] {0, (byte) 255, 51, (byte) 128, 1, 2}, 2, 1, 3, 1, null, List.of(),
                "test");

        INDArray x = PixelMatrix.of(images);

        assertThat(x.shape()).containsExactly(2, 3);
        assertThat(Matrices.toFloatArray(x)).containsExactly(0f, 1f, 0.2f, 128 / 255f, 1 / 255f, 2 / 255f);
    }

    @Test
    void rawFeaturesAreThePixelsThemselves() {
        INDArray x = PcaFixture.matrix();
        RawModel model = new Raw().fit(x);

        assertThat(model.name()).isEqualTo("raw");
        assertThat(model.inputDimension()).isEqualTo(PcaFixture.D);
        assertThat(model.outputDimension()).isEqualTo(PcaFixture.D);
        assertThat(Matrices.toFloatArray(model.transform(x))).isEqualTo(PcaFixture.values());
        oneLine(() -> model.transform(Distances.matrix(new float[4], 2, 2)), IllegalArgumentException.class)
                .contains("data to transform have 2 columns, the raw model expects 16");
    }

    @Test
    void aSavedRawModelLoadsBack() throws IOException {
        Path file = dir.resolve("raw.model");
        new RawModel(784).save(file);

        assertThat(RawModel.load(file)).isEqualTo(new RawModel(784));
    }
}
