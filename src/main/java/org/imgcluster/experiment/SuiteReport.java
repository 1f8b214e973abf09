package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.imgcluster.report.Charts;
import org.imgcluster.report.HtmlPage;
import org.knowm.xchart.CategoryChart;

/**
 * suite.html: what ran, one table of every result across configs, the published numbers beside ours, and per dataset
 * a bar chart of raw pixels against the learned feature sets and a "ladder" of the clustering methods by ACC. Self-contained (charts embedded) like report.html;
 * the charts are also kept as PNGs in the suite folder.
 */
final class SuiteReport {
    static final String HTML = "suite.html";
    static final String MISSING = "—";

    private SuiteReport() {
    }

    static void write(Suite.Outcome outcome, List<PublishedBaselines.Baseline> baselines) throws IOException {
        Path dir = outcome.dir();
        HtmlPage page = new HtmlPage("Experiment suite");
        int failed = outcome.failures().size();
        page.paragraph(String.format(Locale.ROOT, "%d config%s run one after another on %s: %d finished, %d failed. "
                        + "Every row is one (features, algorithm) pair of one config, scored against the true labels. "
                        + "The same numbers are in %s and %s beside this page.", outcome.runs().size(),
                outcome.runs().size() == 1 ? "" : "s", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE),
                outcome.runs().size() - failed, failed, SuiteFiles.CSV_FILE, SuiteFiles.JSON_FILE));
        runs(page, outcome);
        scores(page, outcome.rows());
        evaluationScores(page, outcome.rows());
        published(page, baselines, outcome.rows());
        charts(page, dir, outcome.rows());
        ladders(page, dir, outcome.rows());
        page.write(dir.resolve(HTML));
    }

    private static void runs(HtmlPage page, Suite.Outcome outcome) {
        page.heading("Runs");
        List<List<String>> rows = new ArrayList<>();
        for (Suite.ConfigRun run : outcome.runs()) {
            long results = outcome.rows().stream().filter(r -> r.runDir().equals(run.runDir())).count();
            rows.add(List.of(run.name(), String.valueOf(run.file()), run.dataset(), run.failed() ? "failed" : "complete",
                    run.failed() ? MISSING : Long.toString(results), run.runDir() == null ? MISSING : run.runDir().toString(),
                    run.failed() ? run.error() : ""));
        }
        page.table("Configs", "as run", List.of("config", "file", "dataset", "status", "results", "run folder", "error"),
                rows);
        Map<String, String> links = new LinkedHashMap<>();
        for (Suite.ConfigRun run : outcome.runs()) {
            if (run.runDir() != null) {
                String file = run.failed() ? "results.json" : "report.html";
                links.put(run.name() + ": " + run.runDir().resolve(file), href(outcome.dir(), run.runDir().resolve(file)));
            }
        }
        if (!links.isEmpty()) {
            page.paragraph("Each run's own report (a failed run has only its results.json, saying which step failed):");
            page.links(links);
        }
    }

    /** A link from the suite page to a run's file: relative, so the folders can move together. */
    private static String href(Path suiteDir, Path target) {
        Path from = suiteDir.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        String rel = from.getRoot() != null && from.getRoot().equals(to.getRoot()) ? from.relativize(to).toString()
                : to.toUri().toString();
        return rel.replace('\\', '/');
    }

    private static void scores(HtmlPage page, List<SuiteRow> rows) {
        page.heading("Scores on the fitted split");
        if (rows.isEmpty()) {
            page.paragraph("No config finished, so there are no scores.");
            return;
        }
        List<List<String>> table = new ArrayList<>();
        for (SuiteRow r : byDatasetThenNmi(rows)) {
            table.add(List.of(datasetCell(r), r.config(), r.features(), r.algorithm(), Integer.toString(r.numClusters()),
                    format(r.score("acc")), format(r.score("majority_acc")), format(r.score("nmi")),
                    format(r.score("ari")), format(r.score("silhouette")),
                    String.format(Locale.ROOT, "%.2f", r.seconds())));
        }
        page.table("Dataset × features × algorithm", "by dataset A–Z, then NMI, best first; rows without NMI last",
                List.of("dataset", "config", "features", "algorithm", "clusters", "ACC", "majority ACC", "NMI", "ARI",
                        "silhouette", "time (s)"), table);
        page.paragraph("ACC: accuracy under the best one-to-one cluster → class mapping (Hungarian); majority ACC: each "
                + "cluster labelled with its most common class; time: seconds to fit the algorithm, features excluded. "
                + MISSING + ": not computed (not in the config's scores, or undefined).");
    }

    private static void evaluationScores(HtmlPage page, List<SuiteRow> rows) {
        List<SuiteRow> evaluated = rows.stream().filter(r -> !r.evaluationScores().isEmpty()).toList();
        if (evaluated.isEmpty()) {
            return;
        }
        page.heading("Scores on the evaluation split");
        page.paragraph("Models that can assign new points, applied to the config's evaluate_on split; ACC and majority "
                + "ACC use the cluster → class mapping learned on the fitted split.");
        List<List<String>> table = new ArrayList<>();
        for (SuiteRow r : byDatasetThenNmi(evaluated)) {
            table.add(List.of(r.dataset() + " " + r.evaluateOn(), r.config(), r.features(), r.algorithm(),
                    format(r.evaluationScore("acc")), format(r.evaluationScore("majority_acc")),
                    format(r.evaluationScore("nmi")), format(r.evaluationScore("ari"))));
        }
        page.table("Dataset × features × algorithm, evaluation split",
                "by dataset A–Z, then NMI on the fitted split, best first",
                List.of("dataset", "config", "features", "algorithm", "ACC", "majority ACC", "NMI", "ARI"), table);
    }

    private static void published(HtmlPage page, List<PublishedBaselines.Baseline> baselines, List<SuiteRow> rows) {
        page.heading("Published numbers beside ours");
        page.paragraph("The seed notebooks' and reports' numbers (" + PublishedBaselines.RESOURCE.substring(1)
                + "). Ours is the first row of this suite with the same dataset, feature type, algorithm type, "
                + "listed parameters, score and split; " + MISSING + " where no run in this suite produced it.");
        List<List<String>> table = new ArrayList<>();
        for (PublishedBaselines.Baseline b : baselines) {
            Optional<SuiteRow> match = b.firstMatch(rows);
            table.add(List.of(b.dataset(), b.what(), number(b.value()),
                    match.flatMap(b::valueIn).map(SuiteReport::number).orElse(MISSING),
                    match.map(r -> r.config() + ": " + r.features() + " + " + r.algorithm() + " (" + splitName(b, r) + ")")
                            .orElse(MISSING),
                    b.source(), b.note()));
        }
        page.table("Published vs this suite", "as listed in the resource file",
                List.of("dataset", "number", "published", "ours", "our run", "source", "note"), table);
    }

    private static String splitName(PublishedBaselines.Baseline b, SuiteRow r) {
        return switch (b.split()) {
            case "fit" -> r.split() + " split, " + r.images() + " images";
            case "evaluation" -> r.evaluateOn() + " split";
            default -> "feature set";
        };
    }

    /** Per dataset: x = algorithm, one bar per feature set (raw first), NMI or, where no row has NMI, ACC. */
    private static void charts(HtmlPage page, Path dir, List<SuiteRow> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        page.heading("Raw pixels vs learned features");
        Map<String, List<SuiteRow>> byDataset = new TreeMap<>();
        rows.forEach(r -> byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<SuiteRow>> e : byDataset.entrySet()) {
            String dataset = e.getKey();
            List<SuiteRow> data = e.getValue();
            String score = data.stream().anyMatch(r -> !Double.isNaN(r.score("nmi"))) ? "nmi"
                    : data.stream().anyMatch(r -> !Double.isNaN(r.score("acc"))) ? "acc" : null;
            if (score == null) {
                page.paragraph(dataset + ": no row has NMI or ACC (unlabelled data, or neither score asked for), so no chart.");
                continue;
            }
            // Bars from several configs share a group only when they clustered the very same images (same checksum)
            // and no (algorithm, features) pair comes twice; otherwise each config gets its own groups.
            boolean sameImages = data.stream().map(SuiteRow::sha256).distinct().count() == 1;
            boolean repeated = data.stream().map(r -> r.algorithm() + "\u0000" + r.features()).distinct().count() < data.size();
            boolean manyConfigs = data.stream().map(SuiteRow::config).distinct().count() > 1 && (!sameImages || repeated);
            Set<String> categories = new LinkedHashSet<>();
            Set<String> featureSets = new LinkedHashSet<>();
            data.stream().filter(r -> r.featuresType().equals("raw")).forEach(r -> featureSets.add(r.features()));
            Map<String, Double> values = new LinkedHashMap<>();
            for (SuiteRow r : data) {
                String category = manyConfigs ? r.config() + ": " + r.algorithm() : r.algorithm();
                categories.add(category);
                featureSets.add(r.features());
                values.putIfAbsent(category + "\u0000" + r.features(), r.score(score));
            }
            List<Charts.Series> series = new ArrayList<>();
            for (String f : featureSets) {
                series.add(new Charts.Series(f, categories.stream()
                        .mapToDouble(c -> values.getOrDefault(c + "\u0000" + f, Double.NaN)).toArray()));
            }
            String name = score.toUpperCase(Locale.ROOT);
            String used = dataset + ", " + describeData(data);
            CategoryChart chart = Charts.barChart(name + " by algorithm, raw pixels vs learned features (" + used + ")",
                    "algorithm", name + " (fitted split)", List.copyOf(categories), series);
            Path png = dir.resolve("suite-" + score + "-" + dataset.replaceAll("[^A-Za-z0-9.-]+", "_") + ".png");
            Charts.savePng(chart, png);
            page.image(png, name + " against the true labels on " + used + ", one bar per feature "
                    + "set" + (manyConfigs ? ", one group per config and algorithm" : ", one group per algorithm")
                    + "; a missing bar: that pair was not run.");
        }
    }

    /** One step of a dataset's ladder: a clustering method (feature chain + algorithm) and its best row. */
    record Rung(String method, SuiteRow row) {
    }

    /**
     * Per dataset: every clustering method's best ACC (and its NMI), lowest first, so the chart climbs from raw
     * k-means to the best method of the suite.
     */
    private static void ladders(HtmlPage page, Path dir, List<SuiteRow> rows) throws IOException {
        Map<String, List<SuiteRow>> byDataset = new TreeMap<>();
        rows.forEach(r -> byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r));
        boolean headed = false;
        for (Map.Entry<String, List<SuiteRow>> e : byDataset.entrySet()) {
            List<Rung> ladder = ladder(e.getValue());
            if (ladder.size() < 2) {
                continue;
            }
            if (!headed) {
                page.heading("From raw k-means to the best method");
                headed = true;
            }
            List<String> methods = ladder.stream().map(Rung::method).toList();
            List<Charts.Series> series = List.of(
                    new Charts.Series("ACC", ladder.stream().mapToDouble(r -> r.row().score("acc")).toArray()),
                    new Charts.Series("NMI", ladder.stream().mapToDouble(r -> r.row().score("nmi")).toArray()));
            String dataset = e.getKey();
            int k = ladder.get(0).row().numClusters();
            String used = describeData(ladder.stream().map(Rung::row).toList());
            CategoryChart chart = Charts.barChart(dataset + ": clustering methods by ACC, " + k + " clusters",
                    "method (features → algorithm)", "score (fitted split)", methods, series);
            Path png = dir.resolve("suite-ladder-" + dataset.replaceAll("[^A-Za-z0-9.-]+", "_") + ".png");
            Charts.savePng(chart, png);
            page.image(png, "Each clustering method's best run on " + dataset + " (" + used + "; ACC with the "
                    + "Hungarian mapping, and that run's NMI), lowest ACC first. Left out: label spreading and CNN features (they use "
                    + "labels) and runs with another number of clusters.");
        }
    }

    /**
     * The clustering methods of one dataset's rows, each with its best-ACC row, lowest ACC first. Only rows with the
     * number of clusters most rows use (so ACC compares like with like), and none that saw labels.
     */
    static List<Rung> ladder(List<SuiteRow> rows) {
        List<SuiteRow> scored = rows.stream().filter(r -> !Double.isNaN(r.score("acc")))
                .filter(r -> !r.algorithmType().equals("label_spreading") && !method(r).contains("cnn")).toList();
        Map<Integer, Long> clusterCounts = new TreeMap<>();
        scored.forEach(r -> clusterCounts.merge(r.numClusters(), 1L, Long::sum));
        int k = clusterCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        Map<String, SuiteRow> best = new LinkedHashMap<>();
        scored.stream().filter(r -> r.numClusters() == k).forEach(r -> best.merge(method(r), r,
                (a, b) -> b.score("acc") > a.score("acc") ? b : a));
        return best.entrySet().stream().map(e -> new Rung(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(r -> r.row().score("acc"))).toList();
    }

    /**
     * "raw + kmeans", "pca-50 + gmm", "autoencoder (dec) → umap + gmm": the feature chain's types (with the PCA/NMF
     * size and the autoencoder's architecture) and the algorithm's.
     */
    static String method(SuiteRow r) {
        StringBuilder features = new StringBuilder(featureName(r.featuresType(), r.featuresParams()));
        Object then = r.featuresParams().get("then");
        while (then instanceof Map<?, ?> next) {
            features.append(" → ").append(featureName(String.valueOf(next.get("type")), next));
            then = next.get("then");
        }
        return features + " + " + r.algorithmType();
    }

    private static String featureName(String type, Map<?, ?> params) {
        Object components = params.get("n_components");
        Object architecture = params.get("architecture");
        if ((type.equals("pca") || type.equals("nmf")) && components != null) {
            return type + "-" + components;
        }
        return type.equals("autoencoder") && architecture != null ? type + " (" + architecture + ")" : type;
    }

    /** "test split, 600 images" for each distinct (split, size) a dataset's rows used. */
    private static String describeData(List<SuiteRow> rows) {
        Set<String> parts = new LinkedHashSet<>();
        rows.forEach(r -> parts.add(r.split() + " split, " + String.format(Locale.ROOT, "%,d", r.images()) + " images"));
        return String.join("; ", parts);
    }

    private static List<SuiteRow> byDatasetThenNmi(List<SuiteRow> rows) {
        Comparator<SuiteRow> nmiBestFirst = Comparator.comparingDouble(
                (SuiteRow r) -> Double.isNaN(r.score("nmi")) ? Double.NEGATIVE_INFINITY : r.score("nmi")).reversed();
        return rows.stream().sorted(Comparator.comparing(SuiteRow::dataset).thenComparing(nmiBestFirst)).toList();
    }

    private static String datasetCell(SuiteRow r) {
        return r.dataset() + " " + r.split() + " (" + String.format(Locale.ROOT, "%,d", r.images()) + ")";
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Published values as written (0.58, 0.5323, 217), ours to four decimals, integers without any. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
