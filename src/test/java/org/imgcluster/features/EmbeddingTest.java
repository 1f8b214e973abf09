package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fitted embedding's bookkeeping, independent of the method that produced it. */
class EmbeddingTest {
    private static final INDArray TRAINING = NdArrays.matrix(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 2);
    private static final int[] ROWS = {1, 3, 4};
    private static final float[] COORDINATES = {0.5f, -1, 2, 3, -4, 0.25f};

    @TempDir
    Path dir;

    @Test
    void itAnswersForExactlyTheEmbeddedRowsInAnyFloatLayout() {
        Embedding embedding = sample();

        INDArray same = TRAINING.getRows(ROWS).castTo(DataType.DOUBLE);
        assertThat(NdArrays.values(embedding.transform(same))).containsExactly(COORDINATES);
        assertThat(embedding.select(new int[] {10, 11, 12, 13, 14})).containsExactly(11, 13, 14);
        assertThat(embedding.isSubsample()).isTrue();
    }

    @Test
    void rowsInAnotherOrderOrWithOneValueChangedAreOtherData() {
        Embedding embedding = sample();
        INDArray swapped = TRAINING.getRows(4, 3, 1);
        INDArray changed = TRAINING.getRows(ROWS);
        changed.putScalar(2, 1, 7.0001f);

        assertThatThrownBy(() -> embedding.transform(swapped)).hasMessageContaining("no out-of-sample mapping");
        assertThatThrownBy(() -> embedding.transform(changed)).hasMessageContaining("no out-of-sample mapping");
        assertThatThrownBy(() -> embedding.transform(NdArrays.matrix(new float[3], 1, 3)))
                .hasMessage("data to transform have 3 columns, test(k=2) expects 2");
    }

    @Test
    void savedAndLoadedItIsTheSame() throws IOException {
        Path file = dir.resolve("embedding.bin");
        sample().save(file);
        Embedding loaded = Embedding.load(file);

        assertThat(loaded.name()).isEqualTo("test(k=2)");
        assertThat(loaded.method()).isEqualTo("Test");
        assertThat(loaded.rows()).containsExactly(ROWS);
        assertThat(loaded.trainingRows()).isEqualTo(5);
        assertThat(loaded.statistics()).containsExactly(Map.entry("kl_divergence", 0.25), Map.entry("n_iter", 7.0));
        assertThat(NdArrays.values(loaded.coordinates())).containsExactly(COORDINATES);
        assertThat(NdArrays.values(loaded.transform(TRAINING.getRows(ROWS)))).containsExactly(COORDINATES);
        assertThatThrownBy(() -> loaded.transform(TRAINING)).hasMessageContaining("embedded only 3 of these 5");
    }

    @Test
    void aCorruptFileIsRefusedInOneLine() throws IOException {
        Path file = dir.resolve("embedding.bin");
        sample().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> Embedding.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("corrupt: the checksum does not match");
    }

    private static Embedding sample() {
        return Embedding.of("test(k=2)", "Test", DenseRows.of(TRAINING, "training"), ROWS.clone(), COORDINATES.clone(),
                2, Map.of("n_iter", 7.0, "kl_divergence", 0.25));
    }
}
