package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imgcluster.data.Split;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One experiment as a YAML file names it: the dataset, the feature extractors, the algorithms, the scores, the seed
 * and where to write (run folders under {@code output}, trained networks under {@code models}). Strict: an unknown key, a value of the wrong kind or out of range, or a missing required key is
 * a {@link ConfigException} naming the file and the key, raised here, before any work.
 */
public record ExperimentConfig(Path source, String name, String description, long seed, Path output, Path models,
                               DatasetSection dataset, boolean eda, List<Step> features, List<Step> algorithms,
                               List<Step> embeddings, List<String> scores, int silhouetteSample) {

    /**
     * Where the images come from: a dataset name or path, the splits to fit on (one, or train and test together as
     * {@code split: all}, the way N2D and DEC report MNIST's 70,000 images), and optional preparation.
     */
    public record DatasetSection(String name, List<Split> splits, Split evaluateOn, boolean deduplicate,
                                 int subsample) {
        public DatasetSection {
            splits = List.copyOf(splits);
        }

        /** "train", "test" or "all", as the config writes it. */
        public String splitName() {
            return splits.size() == 1 ? splits.get(0).lowerName() : ALL_SPLITS;
        }
    }

    private static final String ALL_SPLITS = "all";

    static final List<String> SCORES = List.of("acc", "majority_acc", "nmi", "ari", "ami", "silhouette", "inertia",
            "log_likelihood", "bic", "unlabeled_acc");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads and checks a config file; the defaults are filled in. */
    public static ExperimentConfig load(Path file) {
        Object tree;
        try {
            tree = YAML.readValue(file.toFile(), Object.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> top)) {
            throw new ConfigException(file + ": expected a map of settings at the top level");
        }
        return parse(file, asMap(top));
    }

    static ExperimentConfig parse(Path file, Map<String, Object> top) {
        Params p = new Params(file.toString(), top);
        String base = file.getFileName().toString().replaceAll("\\.ya?ml$", "");
        String name = p.text("name", base, List.of());
        String description = p.text("description", "", List.of());
        long seed = p.integerLong("seed", 42);
        Path output = Path.of(p.text("output", "runs", List.of()));
        Path models = Path.of(p.text("models", "models", List.of()));
        DatasetSection dataset = dataset(file, p.value("dataset", Map.of()));
        boolean eda = p.flag("eda", false);
        List<Step> features = steps(file, p.value("features", List.of("raw")), "features", List.of("raw"));
        List<Step> algorithms = steps(file, p.value("algorithms", List.of()), "algorithms", null);
        List<Step> embeddings = p.has("embeddings") ? steps(file, p.value("embeddings", List.of()), "embeddings", null)
                : List.of();
        List<String> scores = scores(file, p.value("scores", SCORES));
        int silhouetteSample = p.integer("silhouette_sample", 10_000);
        if (silhouetteSample < 0) {
            throw p.bad("silhouette_sample", silhouetteSample, "0 (exact silhouette) or a sample size ≥ 2");
        }
        p.requireAllRead();
        ExperimentConfig config = new ExperimentConfig(file, name, description, seed, output, models, dataset, eda,
                features, algorithms, embeddings, scores, silhouetteSample);
        config.features.forEach(s -> Steps.feature(s, seed));
        config.algorithms.forEach(s -> Steps.algorithm(s, seed));
        Steps.requireAutoencoders(features, algorithms, seed);
        List<String> labels = features.stream().map(Step::label).toList();
        for (Step e : embeddings) {
            String on = Steps.embedding(e, seed).on();
            if (on != null && !labels.contains(on)) {
                throw new ConfigException(e.params().where() + ".on = " + on + ": expected the label of a feature "
                        + "entry, one of: " + String.join("; ", labels));
            }
        }
        return config;
    }

    private static DatasetSection dataset(Path file, Object node) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new ConfigException(file + ": missing key 'dataset' (a map with at least 'name')");
        }
        Params p = new Params(file + ": dataset", asMap(m));
        String name = p.text("name", null, List.of());
        String splitText = p.text("split", "train", List.of("train", "test", ALL_SPLITS));
        List<Split> splits = splitText.strip().equalsIgnoreCase(ALL_SPLITS) ? List.of(Split.values())
                : List.of(Split.parse(splitText));
        Split evaluateOn = p.has("evaluate_on") ? split(p, "evaluate_on", null) : null;
        if (evaluateOn != null && splits.size() > 1) {
            throw p.bad("evaluate_on", evaluateOn.lowerName(), "none with split: all, which fits on every split");
        }
        boolean dedupe = p.flag("deduplicate", false);
        int subsample = p.integer("subsample", 0);
        if (subsample < 0) {
            throw p.bad("subsample", subsample, "0 (all images) or a number of images ≥ 1");
        }
        p.requireAllRead();
        return new DatasetSection(name, splits, evaluateOn, dedupe, subsample);
    }

    private static Split split(Params p, String key, String fallback) {
        return Split.parse(p.text(key, fallback, List.of("train", "test")));
    }

    private static List<Step> steps(Path file, Object node, String key, List<Object> fallback) {
        List<?> entries = node == null ? fallback : node instanceof List<?> l ? l : null;
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException(file + ": '" + key + "' must be a non-empty list");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.addAll(Step.expand(entries.get(i), file + ": " + key + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> scores(Path file, Object node) {
        if (node == null) {
            return SCORES;
        }
        if (!(node instanceof List<?> list)) {
            throw new ConfigException(file + ": 'scores' must be a list of: " + String.join(", ", SCORES));
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!SCORES.contains(String.valueOf(o))) {
                throw new ConfigException(file + ": scores: unknown score '" + o + "'; known: " + String.join(", ", SCORES));
            }
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static Map<String, Object> asMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** The config with every default filled in, as written to the run folder's config.yaml. */
    public Map<String, Object> resolved() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        if (!description.isEmpty()) {
            out.put("description", description);
        }
        out.put("seed", seed);
        out.put("output", output.toString());
        out.put("models", models.toString());
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("name", dataset.name());
        ds.put("split", dataset.splitName());
        if (dataset.evaluateOn() != null) {
            ds.put("evaluate_on", dataset.evaluateOn().lowerName());
        }
        ds.put("deduplicate", dataset.deduplicate());
        ds.put("subsample", dataset.subsample());
        out.put("dataset", ds);
        out.put("eda", eda);
        out.put("features", features.stream().map(Step::resolved).toList());
        out.put("algorithms", algorithms.stream().map(Step::resolved).toList());
        out.put("embeddings", embeddings.stream().map(Step::resolved).toList());
        out.put("scores", scores);
        out.put("silhouette_sample", silhouetteSample);
        return out;
    }

    static ObjectMapper yaml() {
        return YAML;
    }
}
