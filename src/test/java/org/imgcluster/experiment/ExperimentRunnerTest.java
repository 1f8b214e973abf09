package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imgcluster.TestData;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.DatasetLocator;
import org.imgcluster.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ExperimentRunnerTest {
    @TempDir
    Path tmp;

    /** The embedded MNIST test split only: no environment, no cache. */
    private DatasetLocator embeddedOnly() {
        return new DatasetLocator(null, null, tmp.resolve("home"), tmp.resolve("cache"));
    }

    private Path config(String yaml) throws IOException {
        Path file = tmp.resolve("exp.yaml");
        Files.writeString(file, yaml.replace("OUT", tmp.resolve("runs").toString()));
        return file;
    }

    private static final String SMALL = """
            name: small
            seed: 7
            output: OUT
            dataset: {name: mnist, split: test, subsample: 600}
            features: [raw, {type: pca, n_components: 20}]
            algorithms:
              - {type: kmeans, k: 10, n_init: 2}
              - {type: agglomerative, n_clusters: 10}
            """;

    @Test
    void writesTheWholeRunFolderAndRepeatsItExactly() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config(SMALL));
        Path first = ExperimentRunner.run(config, embeddedOnly());
        for (String f : List.of("config.yaml", "results.json", "results.csv", "assignments.csv", "report.html", "run.log")) {
            assertThat(first.resolve(f)).isRegularFile();
        }
        JsonNode json = new ObjectMapper().readTree(first.resolve("results.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("complete");
        assertThat(json.get("dataset").get("images").asInt()).isEqualTo(600);
        assertThat(json.get("results")).hasSize(4);
        JsonNode kmeansRaw = json.get("results").get(0);
        assertThat(kmeansRaw.get("features").asText()).isEqualTo("raw");
        assertThat(kmeansRaw.get("algorithm").asText()).isEqualTo("kmeans(k=10, n_init=2)");
        // k-means on MNIST digits separates them far better than chance (NMI ≈ 0 for random labels).
        assertThat(kmeansRaw.get("scores").get("nmi").asDouble()).isGreaterThan(0.4);
        List<String> csv = Files.readAllLines(first.resolve("results.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("features,algorithm,n_clusters,acc,majority_acc,nmi,ari,ami,silhouette");
        List<String> assignments = Files.readAllLines(first.resolve("assignments.csv"));
        assertThat(assignments).hasSize(601);
        assertThat(assignments.get(0)).startsWith("index,label,\"raw + kmeans");
        // Indices point into the 10,000-image split; the labels are the split's labels there.
        String[] row = assignments.get(1).split(",");
        assertThat(Integer.parseInt(row[0])).isBetween(0, 9_999);
        assertThat(Files.readString(first.resolve("report.html"))).contains("data:image/png;base64,")
                .doesNotContain("src=\"http");

        Path second = ExperimentRunner.run(ExperimentConfig.load(config(SMALL)), embeddedOnly());
        assertThat(second).isNotEqualTo(first);
        assertThat(withoutTimings(second.resolve("results.json"))).isEqualTo(withoutTimings(first.resolve("results.json")));
        assertThat(Files.readAllLines(second.resolve("assignments.csv"))).isEqualTo(assignments);
    }

    /** results.json with every timing field removed. */
    private static JsonNode withoutTimings(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        strip(json);
        return json;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("seconds", "wall_seconds"));
        }
        node.forEach(ExperimentRunnerTest::strip);
    }

    @Test
    void modelsThatPredictAreScoredOnTheEvaluationSplit() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: mnist, split: train, evaluate_on: test, subsample: 1000}
                algorithms: [{type: kmeans, k: 10, n_init: 3}, {type: agglomerative, n_clusters: 10}]
                scores: [acc, majority_acc, nmi]
                """));
        Path dir = ExperimentRunner.run(config, new DatasetLocator(TestData.sharedDatasets(), null, tmp, tmp));
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("results");
        JsonNode kmeans = results.get(0).get("evaluation_scores");
        assertThat(kmeans.get("majority_acc").asDouble()).isBetween(0.45, 0.75);
        assertThat(kmeans.get("nmi").asDouble()).isGreaterThan(0.4);
        assertThat(results.get(0).get("scores").fieldNames()).toIterable().containsExactly("acc", "majority_acc", "nmi");
        // Agglomerative clustering cannot assign new points.
        assertThat(results.get(1).has("evaluation_scores")).isFalse();
    }

    @Test
    void splitAllFitsOnTrainAndTestTogether() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: mnist, split: all}
                algorithms: [{type: minibatch_kmeans, k: 10}]
                scores: [nmi]
                """));
        assertThat(config.dataset().splits()).containsExactly(Split.TRAIN, Split.TEST);
        assertThat(config.resolved()).extractingByKey("dataset").asString().contains("split=all");
        Path dir = ExperimentRunner.run(config, new DatasetLocator(TestData.sharedDatasets(), null, tmp, tmp));
        JsonNode dataset = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("dataset");
        // MNIST's 60,000 training and 10,000 test images, as N2D and DEC count them.
        assertThat(dataset.get("images").asInt()).isEqualTo(70_000);
        assertThat(dataset.get("source").asText()).contains("train-images").contains("t10k-images");
        assertThatThrownBy(() -> ExperimentConfig.load(config(
                "dataset: {name: mnist, split: all, evaluate_on: test}\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": dataset.evaluate_on = test: expected none with split: all, "
                        + "which fits on every split");
    }

    @Test
    void aStepThatFailsLeavesAFailedResultsJsonAndNoReport() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: mnist, split: test, subsample: 200}
                algorithms:
                  - {type: kmeans, k: 5}
                  - {type: kmeans, k: 500}
                """));
        assertThatThrownBy(() -> ExperimentRunner.run(config, embeddedOnly())).isInstanceOf(BadInputException.class)
                .hasMessage("kmeans(k=500) on raw: k = 500 is outside 1..200 (the number of points)");
        Path runs = tmp.resolve("runs/exp");
        Path dir;
        try (var dirs = Files.list(runs)) {
            dir = dirs.findFirst().orElseThrow();
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("failed_step").asText()).isEqualTo("kmeans(k=500) on raw");
        assertThat(json.get("results_before_failure")).hasSize(1);
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(dir.resolve("results.csv")).doesNotExist();
    }

    /** More clusters than classes (the MNIST lab's k = 50): the clusters left unmatched are drawn as such. */
    @Test
    void moreClustersThanClassesAreReportedWithTheirUnmatchedClusters() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: mnist, split: test, subsample: 400}
                algorithms: [{type: kmeans, k: 15}]
                scores: [acc, majority_acc]
                """));
        Path dir = ExperimentRunner.run(config, embeddedOnly());
        JsonNode scores = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("results").get(0)
                .get("scores");
        // Majority labelling may give several clusters one digit; the one-to-one mapping leaves 5 clusters out.
        assertThat(scores.get("majority_acc").asDouble()).isGreaterThan(scores.get("acc").asDouble());
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith("_misclassified.png"));
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("for a cluster left over when there are more");
    }

    /** Label spreading gets a tenth of the true labels and is scored on the rest; it cannot label unseen images. */
    @Test
    void labelSpreadingIsScoredOnThePointsWhoseLabelItWasNotGiven() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: mnist, split: test, subsample: 1000}
                features: [{type: pca, n_components: 30}]
                algorithms: [{type: label_spreading, labeled_fraction: 0.1}]
                scores: [acc, unlabeled_acc]
                """));
        Path dir = ExperimentRunner.run(config, embeddedOnly());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("results").get(0);
        assertThat(result.get("algorithm").asText()).isEqualTo("label_spreading(labeled_fraction=0.1)");
        // 100 labelled digits label the other 900 far better than chance (0.1).
        assertThat(result.get("scores").get("unlabeled_acc").asDouble()).isBetween(0.6, 0.9);
        assertThat(result.get("scores").get("acc").asDouble()).isGreaterThan(result.get("scores").get("unlabeled_acc").asDouble());
        assertThatThrownBy(() -> ExperimentConfig.load(config(
                "dataset: {name: mnist}\nalgorithms: [{type: label_spreading, labeled_fraction: 0}]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": algorithms[0] (label_spreading): labeled_fraction = 0.0 must lie in (0, 1]");
    }

    /**
     * A network entry trains with the evaluation split as validation, leaves its model and card in the models folder
     * (and no checkpoints), reports its training, draws its loss curves; a second config loads the saved model and
     * gets the same clusters.
     */
    @Test
    void networksTrainOnceAreSavedWithTheirCardAndLoadBack() throws IOException {
        Path models = tmp.resolve("models");
        ExperimentConfig config = ExperimentConfig.load(config("""
                name: net
                output: OUT
                models: MODELS
                dataset: {name: fashion-mnist, split: train, evaluate_on: test, subsample: 1000}
                features: [{type: autoencoder, epochs: 3, batch_size: 100}]
                algorithms: [{type: kmeans, k: 10, n_init: 2}]
                scores: [nmi]
                """.replace("MODELS", models.toString())));
        DatasetLocator data = new DatasetLocator(TestData.sharedDatasets(), null, tmp, tmp);
        Path dir = ExperimentRunner.run(config, data);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode features = json.get("features").get("autoencoder(epochs=3, batch_size=100)");
        Path model = models.resolve("net-autoencoder_epochs_3_batch_size_100.zip");
        assertThat(features.get("model_file").asText()).isEqualTo(model.toString());
        assertThat(features.get("output_dimension").asInt()).isEqualTo(32);
        assertThat(features.get("training").get("epochs").asInt()).isEqualTo(3);
        assertThat(features.get("training").get("final_validation_loss").asDouble()).isBetween(0.2, 1.0);
        assertThat(model).isRegularFile();
        assertThat(models.resolve("net-autoencoder_epochs_3_batch_size_100.json")).isRegularFile();
        assertThat(models.resolve("checkpoints/net-autoencoder_epochs_3_batch_size_100")).doesNotExist();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("autoencoder(epochs=3, batch_size=100): 3 epochs on 1000 images");
        double nmi = json.get("results").get(0).get("scores").get("nmi").asDouble();

        Path loaded = ExperimentRunner.run(ExperimentConfig.load(config("""
                output: OUT
                dataset: {name: fashion-mnist, split: train, subsample: 1000}
                features: [{type: autoencoder, load: MODEL}]
                algorithms: [{type: kmeans, k: 10, n_init: 2}]
                scores: [nmi]
                """.replace("MODEL", model.toString()))), data);
        JsonNode again = new ObjectMapper().readTree(loaded.resolve("results.json").toFile());
        assertThat(again.get("results").get(0).get("scores").get("nmi").asDouble()).isEqualTo(nmi);
    }

    /** N2D's recipe as a chain: autoencoder codes, then UMAP of the codes, then a mixture on the UMAP coordinates. */
    @Test
    void aChainedFeatureIsFittedOnTheOutputOfTheStepBeforeIt() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                models: MODELS
                dataset: {name: mnist, split: train, subsample: 600}
                features:
                  - type: autoencoder
                    architecture: dec
                    epochs: 10
                    batch_size: 32
                    then: {type: umap, n_components: 5, n_neighbors: 10}
                algorithms: [{type: gmm, n_components: 10}]
                scores: [acc, nmi]
                """.replace("MODELS", tmp.resolve("models").toString())));
        Path dir = ExperimentRunner.run(config, new DatasetLocator(TestData.sharedDatasets(), null, tmp, tmp));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode features = json.get("features").elements().next();
        assertThat(features.get("output_dimension").asInt()).isEqualTo(5);
        assertThat(features.get("training").get("epochs").asInt()).isEqualTo(10);
        JsonNode gmm = json.get("results").get(0);
        // Digits are found far above chance (NMI ≈ 0) after ten short epochs.
        assertThat(gmm.get("scores").get("nmi").asDouble()).isGreaterThan(0.4);
        assertThatThrownBy(() -> ExperimentConfig.load(config(
                "dataset: {name: mnist}\nfeatures: [{type: pca, then: {type: cnn}}]\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": features[0] (pca).then: cnn trains on the images, so it "
                        + "cannot follow another step");
    }

    @Test
    void brokenConfigsFailWithOneLineNamingTheKey() throws IOException {
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist, splitt: test}\nalgorithms: [kmeans]")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(tmp.resolve("exp.yaml") + ": dataset: unknown key 'splitt'; allowed: name, split, "
                        + "evaluate_on, deduplicate, subsample");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [{type: kmeans, k: ten}]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": algorithms[0] (kmeans).k = ten: expected a whole number");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [{type: kmeans, k: 0}]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": algorithms[0] (kmeans): k = 0 must be ≥ 1");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [{type: kmeanz}]")))
                .hasMessageContaining("unknown algorithm type 'kmeanz'; known: kmeans, minibatch_kmeans");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [{type: agglomerative, n_clusters: 3, linkage: median}]")))
                .hasMessageContaining("median");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [{type: kmeans_sweep, k: 9..4}]")))
                .hasMessageContaining("9..4");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [{type: autoencoder, architecture: dense64}]\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": features[0] (autoencoder).architecture = dense64: expected one of dense32, dec");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [{type: autoencoder, optimizer: adam, momentum: 0.9}]\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": features[0] (autoencoder): momentum = 0.9 applies only to optimizer nesterovs");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [{type: autoencoder, weight_init: he}]\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": features[0] (autoencoder).weight_init = he: expected one of glorot_uniform, fan_in_uniform");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [{type: cnn, validation_fraction: 1.5}]\nalgorithms: [kmeans]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": features[0] (cnn): validation_fraction = 1.5 must lie strictly between 0 and 1");
        assertThatThrownBy(() -> ExperimentConfig.load(tmp.resolve("missing.yaml")))
                .hasMessage(tmp.resolve("missing.yaml") + ": no such config file");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nalgorithms: [kmeans]\nscores: [f1]")))
                .hasMessageContaining("unknown score 'f1'");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: [mnist")))
                .hasMessageStartingWith(tmp.resolve("exp.yaml") + ": not valid YAML at line");
    }

    @Test
    void decAndIdecFineTuneTheAutoencoderOfTheirFeatureEntryAndPredictTheEvaluationSplit() throws IOException {
        ExperimentConfig config = ExperimentConfig.load(config("""
                output: OUT
                models: MODELS
                dataset: {name: mnist, split: test, evaluate_on: test, subsample: 600}
                features: [{type: autoencoder, architecture: dec, epochs: 15, batch_size: 64}]
                algorithms:
                  - {type: dec, k: 10, update_interval: 5, max_iter: 20, n_init: 2}
                  - {type: idec, k: 10, update_interval: 5, max_iter: 20, n_init: 2, gamma: 0.2}
                scores: [acc, nmi]
                """.replace("MODELS", tmp.resolve("models").toString())));
        Path dir = ExperimentRunner.run(config, embeddedOnly());

        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("results");
        assertThat(results).hasSize(2);
        for (JsonNode r : results) {
            assertThat(r.get("scores").get("nmi").asDouble()).as(r.get("algorithm").asText()).isGreaterThan(0.3);
            assertThat(r.get("evaluation_scores").get("acc").asDouble()).as(r.get("algorithm").asText())
                    .isGreaterThan(0.3);
            assertThat(r.get("statistics").get("n_iter").asInt()).isBetween(1, 20);
        }
        assertThat(results.get(1).get("statistics").has("reconstruction_loss")).isTrue();
        assertThat(Files.readString(dir.resolve("run.log"))).contains("dec: k-means (2 restarts) of the 600 codes");
    }

    @Test
    void decWithoutAnAutoencoderOrWithAKeyOfIdecIsRefused() throws IOException {
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [raw]\n"
                + "algorithms: [{type: dec, k: 10}]")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(tmp.resolve("exp.yaml") + ": algorithms[0] (dec): dec fine-tunes an autoencoder, so every "
                        + "features entry must be type: autoencoder (without then); raw is not");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [autoencoder]\n"
                + "algorithms: [{type: dec, k: 10, gamma: 0.1}]")))
                .hasMessageStartingWith(tmp.resolve("exp.yaml") + ": algorithms[0] (dec): unknown key 'gamma'");
        assertThatThrownBy(() -> ExperimentConfig.load(config("dataset: {name: mnist}\nfeatures: [autoencoder]\n"
                + "algorithms: [{type: idec, k: 10, gamma: 0}]")))
                .hasMessage(tmp.resolve("exp.yaml") + ": algorithms[0] (idec): gamma = 0.0 must be a positive number");
    }
}
