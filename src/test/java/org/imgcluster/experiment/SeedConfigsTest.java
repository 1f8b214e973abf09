package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.imgcluster.TestData;
import org.imgcluster.data.CifarBinaryWriter;
import org.imgcluster.data.CsvLoader;
import org.imgcluster.data.DatasetLocator;
import org.imgcluster.data.IdxLoader;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The configs in configs/ are valid, and the two whose data is not on this machine (CIFAR-10, Kaggle's CSV) run
 * end to end, unchanged but for the data's location, on files written here in their official formats.
 */
class SeedConfigsTest {
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    Path tmp;

    @Test
    void everyConfigInTheProjectLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CONFIGS)) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("cifar10-unsupervised.yaml",
                "fashion-kaggle.yaml", "fashion-n2d.yaml", "fashion-report.yaml", "mnist-cnn.yaml", "mnist-lab.yaml",
                "mnist-n2d.yaml", "mnist-semi-supervised.yaml", "quickstart.yaml");
        for (Path f : files) {
            assertThat(ExperimentConfig.load(f).name()).isEqualTo(f.getFileName().toString().replace(".yaml", ""));
        }
    }

    /** 10 classes of 32×32×3 images, each class a fixed random pattern plus noise: clusters a run must find. */
    private static ImageSet patterned(int count, long seed) {
        int values = 32 * 32 * 3;
        Random random = new Random(1);
        byte[][] means = new byte[10][values];
        for (byte[] m : means) {
            random.nextBytes(m);
        }
        Random noise = new Random(seed);
        int[] labels = IntStream.range(0, count).map(i -> i % 10).toArray();
        byte[] pixels = new byte[count * values];
        for (int i = 0; i < count; i++) {
            for (int v = 0; v < values; v++) {
                int value = (means[labels[i]][v] & 0xFF) + (int) (noise.nextGaussian() * 20);
                pixels[i * values + v] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return new ImageSet(pixels, count, 32, 32, 3, labels,
                IntStream.range(0, 10).mapToObj(c -> "class" + c).toList(), "patterned");
    }

    private Path configWithData(String file, String from, String to) throws IOException {
        String yaml = Files.readString(CONFIGS.resolve(file));
        assertThat(yaml).contains(from);
        Path out = tmp.resolve(file);
        Files.writeString(out, yaml.replace(from, to) + "output: " + tmp.resolve("runs") + "\nmodels: "
                + tmp.resolve("models") + "\n");
        return out;
    }

    @Test
    void theCifarConfigRunsOnFilesInCifarsBinaryFormat() throws IOException {
        Path folder = tmp.resolve("cifar10");
        Files.createDirectories(folder);
        CifarBinaryWriter.writeSplit(folder, Split.TRAIN, patterned(300, 2));
        CifarBinaryWriter.writeSplit(folder, Split.TEST, patterned(100, 3));
        CifarBinaryWriter.writeMeta(folder.resolve("batches.meta.txt"),
                IntStream.range(0, 10).mapToObj(c -> "class" + c).toList());
        ExperimentConfig config = ExperimentConfig.load(configWithData("cifar10-unsupervised.yaml",
                "  name: cifar10\n", "  name: " + folder + "\n"));
        Path dir = ExperimentRunner.run(config, new DatasetLocator(null, null, tmp, tmp));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("complete");
        assertThat(json.get("dataset").get("images").asInt()).isEqualTo(300);
        // raw, PCA and NMF, each with k-means and three linkages; the two sweeps are curves.
        assertThat(json.get("results")).hasSize(12);
        assertThat(json.get("sweeps")).hasSize(6);
        JsonNode kmeansPca = json.get("results").get(4);
        assertThat(kmeansPca.get("features").asText()).isEqualTo("pca(n_components=0.95)");
        assertThat(kmeansPca.get("algorithm").asText()).isEqualTo("kmeans(k=10, n_init=10)");
        assertThat(kmeansPca.get("scores").get("nmi").asDouble()).isGreaterThan(0.95);
        assertThat(kmeansPca.get("evaluation_scores").get("acc").asDouble()).isGreaterThan(0.95);
        assertThat(dir.resolve("eda")).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith("_tsne2d.png"))
                    .anyMatch(f -> f.endsWith("_elbow.png")).anyMatch(f -> f.endsWith("_silhouette.png"));
        }
    }

    @Test
    void theKaggleConfigRunsOnACsvInKagglesFormatAndDropsItsDuplicates() throws IOException {
        Path dir = TestData.sharedDatasets().resolve("fashion-mnist");
        ImageSet all = IdxLoader.load(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"),
                List.of());
        // 500 test images, then 7 of them again: the duplicates Kaggle's file has, planted.
        int[] rows = IntStream.concat(IntStream.range(0, 500), IntStream.of(3, 50, 99, 120, 260, 333, 499)).toArray();
        Path csv = tmp.resolve("fashion-mnist_train.csv");
        CsvLoader.write(all.select(rows, "planted"), csv);
        ExperimentConfig config = ExperimentConfig.load(configWithData("fashion-kaggle.yaml",
                "  name: fashion-mnist_train.csv\n", "  name: " + csv + "\n"));
        Path run = ExperimentRunner.run(config, new DatasetLocator(null, null, tmp, tmp));

        JsonNode json = new ObjectMapper().readTree(run.resolve("results.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("complete");
        assertThat(json.get("dataset").get("duplicates_removed").asInt()).isEqualTo(7);
        assertThat(json.get("dataset").get("images").asInt()).isEqualTo(500);
        assertThat(json.get("results")).hasSize(6);
        for (JsonNode r : json.get("results")) {
            assertThat(r.get("scores").get("nmi").asDouble()).as(r.get("algorithm").asText()).isGreaterThan(0.4);
        }
    }
}
