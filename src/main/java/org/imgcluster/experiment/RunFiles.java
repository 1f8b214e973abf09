package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BuildInfo;
import org.imgcluster.data.ImageSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The run folder's text files, each written atomically: the resolved config, results.json (every score, timing and
 * the provenance needed to reproduce the run), results.csv (one row per result), assignments.csv (one row per
 * image) and report.html.
 */
final class RunFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    RunFiles(Path dir) {
        this.dir = dir;
    }

    void writeConfig(ExperimentConfig config) throws IOException {
        AtomicFiles.writeString(dir.resolve("config.yaml"),
                ExperimentConfig.yaml().writeValueAsString(config.resolved()));
    }

    void writeResults(ExperimentRunner.RunRecord record, ExperimentRunner.Prepared data, double wallSeconds)
            throws IOException {
        Map<String, Object> json = base(record, "complete", wallSeconds);
        json.put("dataset", provenance(data));
        json.put("features", record.featureInfo());
        json.put("results", record.results().stream().map(RunFiles::resultJson).toList());
        json.put("sweeps", record.sweeps().stream().map(s -> Map.of("features", s.features(), "algorithm",
                s.algorithm(), "points", s.points(), "seconds", s.seconds())).toList());
        AtomicFiles.writeString(dir.resolve("results.csv"), resultsCsv(record.results()));
        AtomicFiles.writeString(dir.resolve("assignments.csv"), assignmentsCsv(record.results(), data));
        AtomicFiles.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json));
    }

    /** A results.json that says which step failed and why; nothing else is written. */
    void writeFailure(ExperimentRunner.RunRecord record, Exception error, double wallSeconds) throws IOException {
        Map<String, Object> json = base(record, "failed", wallSeconds);
        json.put("failed_step", record.currentStep());
        json.put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        json.put("results_before_failure", record.results().stream().map(RunFiles::resultJson).toList());
        AtomicFiles.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json));
    }

    void writeReport(ExperimentRunner.RunRecord record, ExperimentRunner.Prepared data, RunFigures figures)
            throws IOException {
        RunReport.build(record, data, figures).write(dir.resolve("report.html"));
    }

    private static Map<String, Object> base(ExperimentRunner.RunRecord record, String status, double wallSeconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("name", record.config().name());
        json.put("config", record.config().resolved());
        json.put("seed", record.config().seed());
        json.put("versions", BuildInfo.versions());
        json.put("wall_seconds", wallSeconds);
        return json;
    }

    private static Map<String, Object> resultJson(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", r.features());
        m.put("algorithm", r.algorithm());
        m.put("n_clusters", r.numClusters());
        m.put("scores", r.scores());
        m.put("statistics", r.statistics());
        if (!r.evaluationScores().isEmpty()) {
            m.put("evaluation_scores", r.evaluationScores());
        }
        if (r.report() != null) {
            m.put("classification_report", r.report().toText());
        }
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> provenance(ExperimentRunner.Prepared data) {
        ImageSet set = data.train();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", data.name());
        m.put("source", set.source());
        m.put("images", set.size());
        m.put("shape", List.of(set.height(), set.width(), set.channels()));
        m.put("duplicates_removed", data.duplicatesRemoved());
        m.put("sha256", sha256(set));
        if (data.evaluation() != null) {
            m.put("evaluation", Map.of("source", data.evaluation().source(), "images", data.evaluation().size(),
                    "sha256", sha256(data.evaluation())));
        }
        return m;
    }

    /** SHA-256 of the pixels then the labels: identifies exactly the images a run used. */
    private static String sha256(ImageSet set) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(set.pixels());
            if (set.hasLabels()) {
                for (int label : set.labels()) {
                    sha.update((byte) label);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String resultsCsv(List<RunResult> results) {
        List<String> scoreNames = results.stream().flatMap(r -> r.scores().keySet().stream()).distinct().toList();
        List<String> evalNames = results.stream().flatMap(r -> r.evaluationScores().keySet().stream()).distinct()
                .toList();
        StringBuilder csv = new StringBuilder("features,algorithm,n_clusters");
        scoreNames.forEach(s -> csv.append(',').append(s));
        evalNames.forEach(s -> csv.append(",evaluation_").append(s));
        csv.append(",seconds\n");
        for (RunResult r : results) {
            csv.append(quote(r.features())).append(',').append(quote(r.algorithm())).append(',').append(r.numClusters());
            scoreNames.forEach(s -> csv.append(',').append(number(r.scores().get(s))));
            evalNames.forEach(s -> csv.append(',').append(number(r.evaluationScores().get(s))));
            csv.append(',').append(number(r.seconds())).append('\n');
        }
        return csv.toString();
    }

    /** One row per image of the fitted split: its index in the dataset split, its label, and every result's cluster. */
    private static String assignmentsCsv(List<RunResult> results, ExperimentRunner.Prepared data) {
        ImageSet set = data.train();
        StringBuilder csv = new StringBuilder("index,label");
        results.forEach(r -> csv.append(',').append(quote(r.key())));
        csv.append('\n');
        List<int[]> columns = new ArrayList<>();
        results.forEach(r -> columns.add(r.labels()));
        for (int i = 0; i < set.size(); i++) {
            csv.append(data.originalIndex()[i]).append(',').append(set.hasLabels() ? Integer.toString(set.label(i)) : "");
            for (int[] column : columns) {
                csv.append(',').append(column[i]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String number(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
