package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One (config, features, algorithm) result of a suite, as its run's results.json recorded it, plus what the suite
 * needs to compare it: the feature and algorithm entries' types and resolved parameters (for matching published
 * numbers) and the run folder (for links).
 *
 * @param sha256            the fitted images' checksum from results.json: equal means the very same images
 * @param scores            results[].scores: the split the models were fitted on
 * @param evaluationScores  results[].evaluation_scores: the config's evaluate_on split; empty when there is none
 * @param featureInfo       features[label] of results.json: output_dimension, training summary, ...
 */
public record SuiteRow(String config, String dataset, String split, String evaluateOn, int images, String sha256,
                String features, String featuresType, Map<String, Object> featuresParams,
                String algorithm, String algorithmType, Map<String, Object> algorithmParams,
                int numClusters, Map<String, Double> scores, Map<String, Double> evaluationScores,
                Map<String, Object> featureInfo, double seconds, Path runDir) {

    /** results.json may hold NaN for a score that is undefined (Jackson writes it as a bare NaN token). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** The dataset as runs name it: a path counts by its last element, as the runner does. */
    static String datasetName(ExperimentConfig config) {
        return Path.of(config.dataset().name()).getFileName().toString();
    }

    /** The rows of one finished run, in results.json's order. */
    static List<SuiteRow> read(ExperimentConfig config, Path runDir) throws IOException {
        JsonNode json = JSON.readTree(runDir.resolve("results.json").toFile());
        JsonNode dataset = json.path("dataset");
        String name = dataset.path("name").asText(datasetName(config));
        int images = dataset.path("images").asInt(0);
        String sha256 = dataset.path("sha256").asText("");
        Map<String, Step> featureSteps = byLabel(config.features());
        Map<String, Step> algorithmSteps = byLabel(config.algorithms());
        String evaluateOn = config.dataset().evaluateOn() == null ? null : config.dataset().evaluateOn().lowerName();
        List<SuiteRow> rows = new ArrayList<>();
        for (JsonNode r : json.path("results")) {
            String features = r.path("features").asText();
            String algorithm = r.path("algorithm").asText();
            Step f = featureSteps.get(features);
            Step a = algorithmSteps.get(algorithm);
            rows.add(new SuiteRow(config.name(), name, config.dataset().splitName(), evaluateOn, images,
                    sha256, features, f == null ? features : f.type(), f == null ? Map.of() : f.params().resolved(),
                    algorithm, a == null ? algorithm : a.type(), a == null ? Map.of() : a.params().resolved(),
                    r.path("n_clusters").asInt(), numbers(r.path("scores")), numbers(r.path("evaluation_scores")),
                    objects(json.path("features").path(features)), r.path("seconds").asDouble(Double.NaN), runDir));
        }
        return rows;
    }

    /** The score, or NaN when this row has none of that name. */
    double score(String name) {
        return scores.getOrDefault(name, Double.NaN);
    }

    /** The evaluation split's score, or NaN when there is none. */
    double evaluationScore(String name) {
        return evaluationScores.getOrDefault(name, Double.NaN);
    }

    /** A feature-set number (output_dimension) or its training summary's (final_validation_accuracy); else NaN. */
    double featureNumber(String name) {
        Object v = featureInfo.get(name);
        if (v == null && featureInfo.get("training") instanceof Map<?, ?> training) {
            v = training.get(name);
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Labels are unique within a config's list (a duplicate entry would give the same label; the first wins). */
    private static Map<String, Step> byLabel(List<Step> steps) {
        Map<String, Step> out = new LinkedHashMap<>();
        steps.forEach(s -> out.putIfAbsent(s.label(), s));
        return out;
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isNumber() ? e.getValue().doubleValue() : Double.NaN));
        return out;
    }

    private static Map<String, Object> objects(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(node, Map.class);
        return map;
    }
}
