package org.imgcluster.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imgcluster.report.HtmlPage;

/** The run's one self-contained HTML page: what ran on which data, the results table, and every figure. */
final class RunReport {
    private RunReport() {
    }

    static HtmlPage build(ExperimentRunner.RunRecord record, ExperimentRunner.Prepared data, RunFigures figures)
            throws IOException {
        ExperimentConfig config = record.config();
        HtmlPage page = new HtmlPage("imgcluster: " + config.name());
        if (!config.description().isEmpty()) {
            page.paragraph(config.description());
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("dataset", data.train().source());
        about.put("images", String.format(Locale.ROOT, "%,d of %d×%d×%d", data.train().size(), data.train().height(),
                data.train().width(), data.train().channels()));
        if (config.dataset().deduplicate()) {
            about.put("duplicates removed", Integer.toString(data.duplicatesRemoved()));
        }
        if (data.evaluation() != null) {
            about.put("evaluated on", data.evaluation().source() + " (" + data.evaluation().size() + " images)");
        }
        about.put("features", String.join("; ", record.featureInfo().keySet()));
        about.put("seed", Long.toString(config.seed()));
        page.keyValueTable("Run", about);

        List<RunResult> results = new ArrayList<>(record.results());
        if (!results.isEmpty()) {
            String key = results.get(0).scores().containsKey("nmi") ? "nmi" : "silhouette";
            results.sort(Comparator.comparingDouble((RunResult r) -> -r.scores().getOrDefault(key, Double.NEGATIVE_INFINITY)));
            List<String> scoreNames = results.stream().flatMap(r -> r.scores().keySet().stream()).distinct().toList();
            List<String> evalNames = results.stream().flatMap(r -> r.evaluationScores().keySet().stream()).distinct()
                    .toList();
            List<String> header = new ArrayList<>(List.of("features", "algorithm", "clusters"));
            header.addAll(scoreNames);
            evalNames.forEach(s -> header.add(s + " (evaluation split)"));
            header.add("seconds");
            List<List<String>> rows = new ArrayList<>();
            for (RunResult r : results) {
                List<String> row = new ArrayList<>(List.of(r.features(), r.algorithm(), Integer.toString(r.numClusters())));
                scoreNames.forEach(s -> row.add(format(r.scores().get(s))));
                evalNames.forEach(s -> row.add(format(r.evaluationScores().get(s))));
                row.add(String.format(Locale.ROOT, "%.2f", r.seconds()));
                rows.add(row);
            }
            page.heading("Results");
            page.table("Scores on the fitted split", "by " + key + ", best first", header, rows);
            bestBySilhouette(page, results);
        }
        String section = null;
        for (RunFigures.Figure f : figures.figures()) {
            if (!f.section().equals(section)) {
                section = f.section();
                page.heading(section);
                RunResult matching = record.results().stream().filter(r -> r.key().equals(f.section())).findFirst()
                        .orElse(null);
                if (matching != null && matching.report() != null) {
                    page.paragraph("Classification report after mapping clusters to classes (Hungarian):");
                    page.preformatted(matching.report().toText());
                }
            }
            page.image(f.file(), f.caption());
        }
        return page;
    }

    /**
     * The model an analyst without labels would pick, the best mean silhouette, and how it does on the evaluation
     * split, as the CIFAR-10 notebook picks and tests its model.
     */
    private static void bestBySilhouette(HtmlPage page, List<RunResult> results) {
        results.stream().filter(r -> r.scores().containsKey("silhouette") && !r.scores().get("silhouette").isNaN())
                .max(Comparator.comparingDouble(r -> r.scores().get("silhouette"))).ifPresent(best -> {
                    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                            "Best by silhouette (no labels needed to choose it): %s, silhouette %.4f.", best.key(),
                            best.scores().get("silhouette")));
                    if (!best.evaluationScores().isEmpty()) {
                        text.append(" On the evaluation split: ").append(String.join(", ",
                                best.evaluationScores().entrySet().stream().map(e -> e.getKey() + " "
                                        + format(e.getValue())).toList())).append('.');
                    }
                    page.paragraph(text.toString());
                });
    }

    private static String format(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
