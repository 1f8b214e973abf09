package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imgcluster.cli.Main;
import org.imgcluster.data.DatasetLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SuiteTest {
    @TempDir
    Path tmp;

    /** The embedded test splits only: no environment, no cache. */
    private DatasetLocator embeddedOnly() {
        return new DatasetLocator(null, null, tmp.resolve("home"), tmp.resolve("cache"));
    }

    private Path config(String file, String yaml) throws IOException {
        Path path = tmp.resolve(file);
        Files.writeString(path, yaml.replace("OUT", tmp.resolve("runs").toString()));
        return path;
    }

    /** The MNIST lab's mini-batch k-means at k = 10 on raw pixels (so the 0.58 baseline matches), and PCA beside it. */
    private Path mnist() throws IOException {
        return config("a-mnist.yaml", """
                name: mnist-small
                output: OUT
                dataset: {name: mnist, split: test, subsample: 500}
                features: [raw, {type: pca, n_components: 20}]
                algorithms:
                  - {type: minibatch_kmeans, k: 10}
                  - {type: kmeans, k: 10, n_init: 1}
                scores: [acc, majority_acc, nmi, ari, silhouette]
                """);
    }

    private Path fashion() throws IOException {
        return config("b-fashion.yaml", """
                name: fashion-small
                output: OUT
                dataset: {name: fashion-mnist, split: test, subsample: 300}
                features: [raw]
                algorithms: [{type: kmeans, k: 10, n_init: 1}]
                scores: [acc, nmi, ari]
                """);
    }

    /** Fails inside the runner: more clusters than points. */
    private Path failing() throws IOException {
        return config("c-failing.yaml", """
                name: too-many-clusters
                output: OUT
                dataset: {name: mnist, split: test, subsample: 200}
                algorithms: [{type: kmeans, k: 500}]
                """);
    }

    @Test
    void comparesTheRunsAndRecordsTheOneThatFailed() throws IOException {
        List<ExperimentConfig> configs = Suite.load(List.of(mnist(), fashion(), failing()));
        Path dir = tmp.resolve("suite");
        Suite.Outcome outcome = Suite.run(configs, embeddedOnly(), dir);

        assertThat(outcome.runs()).extracting(Suite.ConfigRun::name)
                .containsExactly("mnist-small", "fashion-small", "too-many-clusters");
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.error())
                    .isEqualTo("kmeans(k=500) on raw: k = 500 is outside 1..200 (the number of points)");
            // The runner's own record of the failure is found and linked.
            assertThat(f.runDir().resolve("results.json")).content().contains("\"status\" : \"failed\"");
        });
        assertThat(outcome.rows()).hasSize(5);

        // suite.csv: one row per result, the numbers exactly as in each run's results.csv; the failure as one row.
        List<Map<String, String>> csv = readCsv(dir.resolve("suite.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0).keySet()).containsExactly("status", "config", "dataset", "split", "evaluate_on", "images",
                "features", "algorithm", "n_clusters", "acc", "majority_acc", "nmi", "ari", "silhouette",
                "evaluation_acc", "evaluation_majority_acc", "evaluation_nmi", "evaluation_ari", "seconds", "run_dir",
                "error");
        for (Suite.ConfigRun run : outcome.runs().subList(0, 2)) {
            List<Map<String, String>> results = readCsv(run.runDir().resolve("results.csv"));
            List<Map<String, String>> ours = csv.stream().filter(r -> r.get("config").equals(run.name())).toList();
            assertThat(ours).hasSameSizeAs(results);
            for (int i = 0; i < results.size(); i++) {
                Map<String, String> expected = results.get(i);
                Map<String, String> row = ours.get(i);
                assertThat(row.get("status")).isEqualTo("complete");
                assertThat(row.get("features")).isEqualTo(expected.get("features"));
                assertThat(row.get("algorithm")).isEqualTo(expected.get("algorithm"));
                for (String score : List.of("acc", "majority_acc", "nmi", "ari", "silhouette", "seconds")) {
                    assertThat(row.get(score)).as(score).isEqualTo(expected.getOrDefault(score, ""));
                }
                assertThat(row.get("run_dir")).isEqualTo(run.runDir().toString());
            }
        }
        assertThat(csv.get(0).get("images")).isEqualTo("500");
        Map<String, String> failedRow = csv.get(5);
        assertThat(failedRow.get("status")).isEqualTo("failed");
        assertThat(failedRow.get("config")).isEqualTo("too-many-clusters");
        assertThat(failedRow.get("error"))
                .isEqualTo("kmeans(k=500) on raw: k = 500 is outside 1..200 (the number of points)");

        // suite.json: the same rows, and the published MNIST lab number matched to our mini-batch k-means on raw pixels.
        JsonNode json = new ObjectMapper().readTree(dir.resolve("suite.json").toFile());
        assertThat(json.get("configs").get(2).get("status").asText()).isEqualTo("failed");
        assertThat(json.get("rows")).hasSize(5);
        JsonNode lab = findPublished(json, "mini-batch k-means k=10, raw pixels, majority-label accuracy");
        double ourMajority = outcome.rows().get(0).score("majority_acc");
        assertThat(outcome.rows().get(0).features()).isEqualTo("raw");
        assertThat(outcome.rows().get(0).algorithm()).isEqualTo("minibatch_kmeans(k=10)");
        assertThat(lab.get("value").asDouble()).isEqualTo(0.58);
        assertThat(lab.get("ours").asDouble()).isEqualTo(ourMajority);
        // 500 MNIST digits: majority labels well above chance (0.1), near the notebook's 0.58 on 60,000.
        assertThat(ourMajority).isBetween(0.4, 0.8);
        assertThat(lab.get("matched").get("config").asText()).isEqualTo("mnist-small");
        assertThat(findPublished(json, "mini-batch k-means k=50, raw pixels, majority-label accuracy").get("ours").isNull())
                .isTrue();

        // suite.html: self-contained, with the results table, the published table and one chart per dataset.
        String html = Files.readString(dir.resolve("suite.html"));
        assertThat(html).contains("Dataset × features × algorithm")
                .contains("(ordered by dataset A–Z, then NMI, best first; rows without NMI last)")
                .contains("Published vs this suite")
                .contains("<td>mini-batch k-means k=10, raw pixels, majority-label accuracy</td><td class=\"num\">0.58</td>"
                        + "<td class=\"num\">" + String.format(Locale.ROOT, "%.4f", ourMajority).replaceAll("0+$", "") + "</td>"
                        + "<td>mnist-small: raw + minibatch_kmeans(k=10) (test split, 500 images)</td>")
                .contains("<td>mini-batch k-means k=50, raw pixels, majority-label accuracy</td><td class=\"num\">0.81</td><td>—</td>")
                .contains("data-file=\"suite-nmi-mnist.png\"").contains("data-file=\"suite-nmi-fashion-mnist.png\"")
                .contains("NMI against the true labels on mnist, test split, 500 images")
                .contains("From raw k-means to the best method").contains("data-file=\"suite-ladder-mnist.png\"")
                .contains("too-many-clusters").contains("k = 500 is outside 1..200")
                .contains("href=\"../runs/mnist-small/")
                .doesNotContain("src=\"http");
        assertThat(dir.resolve("suite-nmi-mnist.png")).isRegularFile();
        // Ordered by dataset: fashion-mnist rows come before mnist rows.
        assertThat(html.indexOf("<td>fashion-mnist test (300)</td>")).isPositive()
                .isLessThan(html.indexOf("<td>mnist test (500)</td>"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("suite.json", "suite.csv",
                    "suite.html", "suite-nmi-mnist.png", "suite-nmi-fashion-mnist.png", "suite-ladder-mnist.png");
        }
    }

    @Test
    void theCommandChecksEveryConfigFirstAndExitsNonZeroWhenOneFails() throws IOException {
        Path broken = config("broken.yaml", "dataset: {name: mnist}\nalgorithms: [{type: kmeanz}]");
        Path out = tmp.resolve("suite-out");
        assertThat(Main.execute("suite", "--output", out.toString(), fashion().toString(), broken.toString()))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        // Refused before any work: no run of the good config, no suite folder.
        assertThat(tmp.resolve("runs")).doesNotExist();
        assertThat(out).doesNotExist();

        Path missing = config("missing-data.yaml", """
                output: OUT
                dataset: {name: NO_SUCH}
                algorithms: [{type: kmeans, k: 3}]
                """.replace("NO_SUCH", tmp.resolve("no-such-dataset").toString()));
        assertThat(Main.execute("suite", "--output", out.toString(), missing.toString(), fashion().toString()))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        List<Map<String, String>> csv = readCsv(out.resolve("suite.csv"));
        assertThat(csv).extracting(r -> r.get("status")).containsExactly("failed", "complete");
        assertThat(csv.get(0).get("error")).contains("no-such-dataset").contains("neither a known dataset name");
    }

    @Test
    void everyPublishedNumberLoadsWithAValidRule() {
        List<PublishedBaselines.Baseline> all = PublishedBaselines.load();
        assertThat(all).hasSize(17);
        assertThat(all).extracting(PublishedBaselines.Baseline::split).allMatch(PublishedBaselines.SPLITS::contains);
        assertThat(all).filteredOn(b -> b.what().contains("autoencoder codes"))
                .singleElement().satisfies(b -> assertThat(b.value()).isEqualTo(0.5323));
        assertThat(all).filteredOn(b -> b.what().startsWith("N2D")).extracting(PublishedBaselines.Baseline::value)
                .containsExactly(0.979, 0.942, 0.672, 0.684);
        assertThatThrownBy(() -> Suite.load(List.of(tmp.resolve("nope.yaml"))))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("no such config file");
    }

    private static JsonNode findPublished(JsonNode json, String what) {
        for (JsonNode p : json.get("published")) {
            if (p.get("what").asText().equals(what)) {
                return p;
            }
        }
        throw new AssertionError("no published entry " + what);
    }

    /** A small CSV reader for the files these tests check: quoted fields without embedded newlines. */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = fields(line);
            assertThat(values).as(line).hasSameSizeAs(header);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
