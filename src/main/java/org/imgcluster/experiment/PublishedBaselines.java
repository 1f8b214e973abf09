package org.imgcluster.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers the seed notebooks and reports published (resource {@value #RESOURCE}), each with the rule that finds
 * the suite row measuring the same thing. The rule is deliberately plain equality on a few fields, written out in
 * the resource, so a reader can check by eye why a number was or was not matched.
 */
final class PublishedBaselines {
    static final String RESOURCE = "/published-baselines.yaml";
    static final String ANY = "any";
    static final List<String> SPLITS = List.of("fit", "evaluation", "features");

    /** One published number and its matching rule (see the resource's header for each field). */
    record Baseline(String dataset, String what, double value, String source, String note, String features,
                    Map<String, Object> featuresParams, String algorithm, Map<String, Object> algorithmParams,
                    String score, String split) {

        /** The row's value of this baseline's score and split when the row measures the same thing; else empty. */
        Optional<Double> valueIn(SuiteRow row) {
            if (!dataset.equals(row.dataset()) || !typeMatches(features, row.featuresType())
                    || !typeMatches(algorithm, row.algorithmType()) || !paramsMatch(featuresParams, row.featuresParams())
                    || !paramsMatch(algorithmParams, row.algorithmParams())) {
                return Optional.empty();
            }
            double v = switch (split) {
                case "fit" -> row.score(score);
                case "evaluation" -> row.evaluationScore(score);
                default -> row.featureNumber(score);
            };
            return Double.isNaN(v) ? Optional.empty() : Optional.of(v);
        }

        /** The first row (in suite order) that measures this number, if any. */
        Optional<SuiteRow> firstMatch(List<SuiteRow> rows) {
            return rows.stream().filter(r -> valueIn(r).isPresent()).findFirst();
        }

        private static boolean typeMatches(String wanted, String actual) {
            return ANY.equals(wanted) || wanted.equals(actual);
        }

        /** Numbers compare by value (10 matches 10.0); anything else by its text. */
        private static boolean paramsMatch(Map<String, Object> wanted, Map<String, Object> actual) {
            for (Map.Entry<String, Object> e : wanted.entrySet()) {
                Object a = actual.get(e.getKey());
                boolean same = e.getValue() instanceof Number w && a instanceof Number n
                        ? w.doubleValue() == n.doubleValue()
                        : String.valueOf(e.getValue()).equals(String.valueOf(a));
                if (!same) {
                    return false;
                }
            }
            return true;
        }
    }

    private PublishedBaselines() {
    }

    /** The baselines shipped in the jar; a broken entry fails loudly (ConfigException naming it) rather than never matching. */
    static List<Baseline> load() {
        try (InputStream in = PublishedBaselines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
            }
            List<?> entries = ExperimentConfig.yaml().readValue(in, List.class);
            List<Baseline> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                out.add(parse(entries.get(i), RESOURCE + "[" + i + "]"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Strict like the configs: an unknown key or a missing one is an error, so a typo cannot silently never match. */
    private static Baseline parse(Object node, String where) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new IllegalStateException(where + ": expected a map");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        m.forEach((k, v) -> map.put(String.valueOf(k), v));
        Params p = new Params(where, map);
        Baseline b = new Baseline(p.text("dataset", null, List.of()), p.text("what", null, List.of()),
                p.real("value", null), p.text("source", null, List.of()), p.text("note", "", List.of()),
                p.text("features", null, List.of()), params(p, "features_params"), p.text("algorithm", null, List.of()),
                params(p, "algorithm_params"), p.text("score", null, List.of()), p.text("split", null, SPLITS));
        p.requireAllRead();
        return b;
    }

    private static Map<String, Object> params(Params p, String key) {
        Object v = p.value(key, Map.of());
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalStateException(p.where() + "." + key + ": expected a map of parameter → value");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, value) -> out.put(String.valueOf(k), value));
        return out;
    }
}
