package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A saved PCA reads back into the same model, bit for bit; a damaged file is refused in one line naming it. */
class PcaSaveLoadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void saveThenLoadGivesBitIdenticalFeatures(boolean whiten) throws IOException {
        PcaModel fitted = Pca.ofVariance(0.99).withWhiten(whiten).fit(PcaFixture.matrix());
        Path file = dir.resolve("pca.model");
        fitted.save(file);
        PcaModel loaded = PcaModel.load(file);

        float[] before = Matrices.toFloatArray(fitted.transform(PcaFixture.matrix()));
        float[] after = Matrices.toFloatArray(loaded.transform(PcaFixture.matrix()));
        assertThat(Arrays.equals(before, after)).as("transform bit-identical").isTrue();
        float[] reconstructed = Matrices.toFloatArray(fitted.inverseTransform(fitted.transform(PcaFixture.matrix())));
        assertThat(Matrices.toFloatArray(loaded.inverseTransform(loaded.transform(PcaFixture.matrix()))))
                .isEqualTo(reconstructed);
        assertThat(loaded.extractor()).isEqualTo(fitted.extractor());
        assertThat(loaded.name()).isEqualTo(fitted.name());
        assertThat(loaded.nSamples()).isEqualTo(PcaFixture.N);
        assertThat(loaded.mean()).isEqualTo(fitted.mean());
        assertThat(loaded.explainedVariance()).isEqualTo(fitted.explainedVariance());
        assertThat(loaded.spectrum().variances()).isEqualTo(fitted.spectrum().variances());
        assertThat(loaded.noiseVariance()).isEqualTo(fitted.noiseVariance());
    }

    @Test
    void savingLeavesOnlyTheModelFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("pca.model");
        Pca.of(2).fit(PcaFixture.matrix()).save(file);
        Pca.of(3).fit(PcaFixture.matrix()).save(file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(PcaModel.load(file).nComponents()).isEqualTo(3);
    }

    @Test
    void theHeaderSaysWhatTheFileHolds() throws IOException {
        Path file = dir.resolve("pca.model");
        Pca.of(2).fit(PcaFixture.matrix()).save(file);

        String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("IMGCFEAT").contains("\"kind\":\"pca\"").contains("\"n_components\":\"2\"")
                .contains("\"name\":\"components\",\"dtype\":\"float32\",\"shape\":[2,16]");
    }

    @Test
    void aTruncatedFileIsRefusedInOneLineNamingIt() throws IOException {
        byte[] whole = savedBytes();
        for (int length : new int[] {0, 7, 8, 14, 40, whole.length / 2, whole.length - 1}) {
            Path cut = dir.resolve("cut-" + length + ".model");
            Files.write(cut, Arrays.copyOf(whole, length));
            // Shorter than the 8 magic bytes it cannot be told from any other file; beyond them it is truncated.
            String fault = length < 8 ? ": not an imgcluster feature model" : ": truncated";
            oneLine(() -> PcaModel.load(cut), BadInputException.class).as("cut at " + length)
                    .startsWith(cut + fault);
        }
    }

    @Test
    void aChangedByteIsRefusedInOneLine() throws IOException {
        byte[] bytes = savedBytes();
        bytes[bytes.length - 20] ^= 0x10;
        Path damaged = dir.resolve("damaged.model");
        Files.write(damaged, bytes);

        oneLine(() -> PcaModel.load(damaged), BadInputException.class)
                .isEqualTo(damaged + ": corrupt: the checksum does not match the content");
    }

    @Test
    void aDamagedHeaderIsRefusedInOneLine() throws IOException {
        byte[] bytes = savedBytes();
        bytes[16] = '[';
        Path damaged = dir.resolve("header.model");
        Files.write(damaged, bytes);

        oneLine(() -> PcaModel.load(damaged), BadInputException.class).startsWith(damaged + ": corrupt header");
    }

    @Test
    void otherFilesAreRefusedInOneLine() throws IOException {
        Path raw = dir.resolve("raw.model");
        new RawModel(16).save(raw);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a model at all, just some text");

        oneLine(() -> PcaModel.load(raw), BadInputException.class)
                .isEqualTo(raw + ": holds a 'raw' model, not a 'pca' model");
        oneLine(() -> PcaModel.load(text), BadInputException.class)
                .startsWith(text + ": not an imgcluster feature model");
        oneLine(() -> PcaModel.load(dir.resolve("missing.model")), BadInputException.class).endsWith(": no such file");
    }

    private byte[] savedBytes() throws IOException {
        Path file = dir.resolve("whole.model");
        Pca.of(4).fit(PcaFixture.matrix()).save(file);
        return Files.readAllBytes(file);
    }
}
