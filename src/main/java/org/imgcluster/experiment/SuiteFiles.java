package org.imgcluster.experiment;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BuildInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * suite.json (every config's fate, every row with all its scores, the published numbers with ours beside them) and
 * suite.csv (one row per result, fixed columns so spreadsheets and scripts can rely on them; a failed config is one
 * row with status "failed" and its error).
 */
final class SuiteFiles {
    static final String JSON_FILE = "suite.json";
    static final String CSV_FILE = "suite.csv";

    /** The scores the suite compares; each also appears as evaluation_&lt;score&gt; except silhouette (fitted split only). */
    static final List<String> SCORES = List.of("acc", "majority_acc", "nmi", "ari", "silhouette");
    static final List<String> EVALUATION_SCORES = List.of("acc", "majority_acc", "nmi", "ari");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SuiteFiles() {
    }

    static void write(Suite.Outcome outcome, List<PublishedBaselines.Baseline> baselines) throws IOException {
        AtomicFiles.writeString(outcome.dir().resolve(CSV_FILE), csv(outcome));
        AtomicFiles.writeString(outcome.dir().resolve(JSON_FILE), JSON.writeValueAsString(json(outcome, baselines)));
    }

    private static Map<String, Object> json(Suite.Outcome outcome, List<PublishedBaselines.Baseline> baselines) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("created", OffsetDateTime.now().toString());
        json.put("versions", BuildInfo.versions());
        json.put("configs", outcome.runs().stream().map(SuiteFiles::configJson).toList());
        json.put("rows", outcome.rows().stream().map(SuiteFiles::rowJson).toList());
        json.put("published", baselines.stream().map(b -> publishedJson(b, outcome.rows())).toList());
        return json;
    }

    private static Map<String, Object> configJson(Suite.ConfigRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", String.valueOf(run.file()));
        m.put("name", run.name());
        m.put("dataset", run.dataset());
        m.put("status", run.failed() ? "failed" : "complete");
        m.put("run_dir", run.runDir() == null ? null : run.runDir().toString());
        if (run.failed()) {
            m.put("error", run.error());
        } else {
            m.put("report", run.runDir().resolve("report.html").toString());
        }
        return m;
    }

    private static Map<String, Object> rowJson(SuiteRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", r.config());
        m.put("dataset", r.dataset());
        m.put("split", r.split());
        m.put("evaluate_on", r.evaluateOn());
        m.put("images", r.images());
        m.put("sha256", r.sha256());
        m.put("features", r.features());
        m.put("algorithm", r.algorithm());
        m.put("n_clusters", r.numClusters());
        m.put("scores", finite(r.scores()));
        if (!r.evaluationScores().isEmpty()) {
            m.put("evaluation_scores", finite(r.evaluationScores()));
        }
        m.put("seconds", r.seconds());
        m.put("run_dir", r.runDir().toString());
        return m;
    }

    private static Map<String, Object> publishedJson(PublishedBaselines.Baseline b, List<SuiteRow> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", b.dataset());
        m.put("what", b.what());
        m.put("value", b.value());
        m.put("source", b.source());
        if (!b.note().isEmpty()) {
            m.put("note", b.note());
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("features", b.features());
        rule.put("features_params", b.featuresParams());
        rule.put("algorithm", b.algorithm());
        rule.put("algorithm_params", b.algorithmParams());
        rule.put("score", b.score());
        rule.put("split", b.split());
        m.put("match", rule);
        Optional<SuiteRow> match = b.firstMatch(rows);
        m.put("ours", match.flatMap(b::valueIn).orElse(null));
        m.put("matched", match.map(r -> Map.of("config", r.config(), "features", r.features(),
                "algorithm", r.algorithm(), "run_dir", r.runDir().toString())).orElse(null));
        return m;
    }

    /** JSON has no NaN: an undefined score is written as null. */
    private static Map<String, Double> finite(Map<String, Double> scores) {
        Map<String, Double> out = new LinkedHashMap<>();
        scores.forEach((k, v) -> out.put(k, v == null || v.isNaN() ? null : v));
        return out;
    }

    private static String csv(Suite.Outcome outcome) {
        StringBuilder csv = new StringBuilder("status,config,dataset,split,evaluate_on,images,features,algorithm,n_clusters");
        SCORES.forEach(s -> csv.append(',').append(s));
        EVALUATION_SCORES.forEach(s -> csv.append(",evaluation_").append(s));
        csv.append(",seconds,run_dir,error\n");
        for (Suite.ConfigRun run : outcome.runs()) {
            List<SuiteRow> rows = outcome.rows().stream().filter(r -> r.runDir().equals(run.runDir())).toList();
            if (run.failed()) {
                csv.append("failed,").append(quote(run.name())).append(',').append(quote(run.dataset()))
                        .append(",,,,,,");
                csv.append(",".repeat(SCORES.size() + EVALUATION_SCORES.size() + 1));
                csv.append(',').append(run.runDir() == null ? "" : quote(run.runDir().toString()))
                        .append(',').append(quote(run.error())).append('\n');
            }
            for (SuiteRow r : rows) {
                csv.append("complete,").append(quote(r.config())).append(',').append(quote(r.dataset())).append(',')
                        .append(r.split()).append(',').append(r.evaluateOn() == null ? "" : r.evaluateOn()).append(',')
                        .append(r.images()).append(',').append(quote(r.features())).append(',')
                        .append(quote(r.algorithm())).append(',').append(r.numClusters());
                SCORES.forEach(s -> csv.append(',').append(number(r.score(s))));
                EVALUATION_SCORES.forEach(s -> csv.append(',').append(number(r.evaluationScore(s))));
                csv.append(',').append(number(r.seconds())).append(',').append(quote(r.runDir().toString()))
                        .append(",\n");
            }
        }
        return csv.toString();
    }

    /** The same format as results.csv, so a suite row can be checked against its run's file character by character. */
    static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
