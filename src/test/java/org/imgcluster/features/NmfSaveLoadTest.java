package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved NMF reads back into the same model, bit for bit; a damaged file is refused in one line naming it. */
class NmfSaveLoadTest {
    @TempDir
    Path dir;

    @Test
    void saveThenLoadGivesBitIdenticalFeatures() throws IOException {
        NmfModel fitted = Nmf.of(3).withInit(NmfInit.RANDOM).withSolver(NmfSolverKind.ACCELERATED_CD).withTol(1e-5)
                .withSeed(9).fit(NmfFixture.matrix());
        Path file = dir.resolve("nmf.model");
        fitted.save(file);
        NmfModel loaded = NmfModel.load(file);

        float[] before = Matrices.toFloatArray(fitted.transform(NmfFixture.newRows()));
        float[] after = Matrices.toFloatArray(loaded.transform(NmfFixture.newRows()));
        assertThat(Arrays.equals(before, after)).as("transform bit-identical").isTrue();
        assertThat(Matrices.toFloatArray(loaded.inverseTransform(loaded.transform(NmfFixture.newRows()))))
                .isEqualTo(Matrices.toFloatArray(fitted.inverseTransform(fitted.transform(NmfFixture.newRows()))));
        assertThat(loaded.extractor()).isEqualTo(fitted.extractor());
        assertThat(loaded.name())
                .isEqualTo("nmf(n_components=3, init=random, solver=accelerated_cd, tol=1.0E-5, seed=9)");
        assertThat(loaded.componentValues()).isEqualTo(fitted.componentValues());
        assertThat(loaded.reconstructionError()).isEqualTo(fitted.reconstructionError());
        assertThat(loaded.nIter()).isEqualTo(fitted.nIter());
        assertThat(loaded.nSamples()).isEqualTo(NmfFixture.N);
    }

    @Test
    void theHeaderSaysWhatTheFileHolds() throws IOException {
        Path file = dir.resolve("nmf.model");
        Nmf.of(2).fit(NmfFixture.matrix()).save(file);

        String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("IMGCFEAT").contains("\"kind\":\"nmf\"").contains("\"init\":\"nndsvda\"")
                .contains("\"name\":\"components\",\"dtype\":\"float32\",\"shape\":[2,24]");
    }

    @Test
    void aDamagedFileIsRefusedInOneLineNamingIt() throws IOException {
        Path file = dir.resolve("whole.model");
        Nmf.of(2).fit(NmfFixture.matrix()).save(file);
        byte[] whole = Files.readAllBytes(file);

        Path cut = dir.resolve("cut.model");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 9));
        oneLine(() -> NmfModel.load(cut), BadInputException.class).startsWith(cut + ": truncated");

        byte[] changed = whole.clone();
        changed[changed.length - 12] ^= 0x01;
        Path damaged = dir.resolve("damaged.model");
        Files.write(damaged, changed);
        oneLine(() -> NmfModel.load(damaged), BadInputException.class)
                .isEqualTo(damaged + ": corrupt: the checksum does not match the content");
    }

    @Test
    void aWellFormedFileWithBadValuesIsRefusedInOneLine() throws IOException {
        Path unknownInit = dir.resolve("init.model");
        writer("svd", 5).writeTo(unknownInit);
        Path tooManyIterations = dir.resolve("iterations.model");
        writer("nndsvd", 201).writeTo(tooManyIterations);

        oneLine(() -> NmfModel.load(unknownInit), BadInputException.class)
                .isEqualTo(unknownInit + ": init = 'svd' is not one of nndsvda, nndsvd, nndsvdar, random");
        oneLine(() -> NmfModel.load(tooManyIterations), BadInputException.class)
                .startsWith(tooManyIterations + ": inconsistent sizes").contains("n_iter 201 of max_iter 200");
    }

    /** A valid 1-component model file but for its init and n_iter. */
    private static ModelFile.Writer writer(String init, int nIter) {
        return new ModelFile.Writer("nmf").config("n_components", 1).config("init", init).config("max_iter", 200)
                .config("tol", "1.0E-4").config("seed", "0").config("n_samples", 4).config("n_features", 2)
                .config("n_iter", nIter).floats("components", new float[] {0.5f, 1f}, 1, 2)
                .doubles("reconstruction_err", new double[] {0.1}, 1);
    }

    @Test
    void anotherKindOfModelIsRefused() throws IOException {
        Path pca = dir.resolve("pca.model");
        Pca.of(2).fit(NmfFixture.matrix()).save(pca);

        oneLine(() -> NmfModel.load(pca), BadInputException.class)
                .isEqualTo(pca + ": holds a 'pca' model, not a 'nmf' model");
    }
}
