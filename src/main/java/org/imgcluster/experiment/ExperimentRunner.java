package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imgcluster.cluster.Clustering;
import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.DatasetLocator;
import org.imgcluster.data.DatasetSource;
import org.imgcluster.data.Deduplicator;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Split;
import org.imgcluster.data.Subsample;
import org.imgcluster.features.AutoencoderModel;
import org.imgcluster.features.CnnModel;
import org.imgcluster.features.Embedding;
import org.imgcluster.features.EpochScores;
import org.imgcluster.features.FittedFeatures;
import org.imgcluster.features.PixelMatrix;
import org.imgcluster.features.TrainedNetwork;
import org.imgcluster.features.TrainingRun;
import org.imgcluster.features.TrainingSummary;
import org.imgcluster.metrics.ClassificationReport;
import org.imgcluster.metrics.ClusterAccuracy;
import org.imgcluster.metrics.Contingency;
import org.imgcluster.metrics.ExternalScores;
import org.imgcluster.metrics.Silhouette;
import org.imgcluster.semi.LabelSpreadingModel;
import org.imgcluster.semi.PartialLabels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one config: loads and prepares the dataset, fits every feature extractor, fits every algorithm on every
 * feature set, scores each result, and writes the run folder (config.yaml, results.json, results.csv,
 * assignments.csv, PNGs, report.html, run.log). A step that fails leaves a results.json saying which step and why,
 * and no report.
 */
public final class ExperimentRunner {
    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExperimentConfig config;
    private final DatasetLocator locator;
    private final RunRecord record;
    private final Path dir;

    private ExperimentRunner(ExperimentConfig config, DatasetLocator locator, Path dir) {
        this.config = config;
        this.locator = locator;
        this.dir = dir;
        this.record = new RunRecord(config);
    }

    /**
     * Runs the experiment into a new folder under {@code config.output()/config.name()}; returns that folder. A
     * dataset split that cannot be found is refused before the folder is made.
     */
    public static Path run(ExperimentConfig config, DatasetLocator locator) throws IOException {
        ExperimentConfig.DatasetSection ds = config.dataset();
        for (Split split : ds.splits()) {
            DatasetSource.requireAvailable(ds.name(), split, locator);
        }
        if (ds.evaluateOn() != null) {
            DatasetSource.requireAvailable(ds.name(), ds.evaluateOn(), locator);
        }
        Path dir = newFolder(config.output().resolve(config.name()));
        ExperimentRunner runner = new ExperimentRunner(config, locator, dir);
        try (RunLog ignored = new RunLog(dir.resolve("run.log"))) {
            log.info("run {} into {}", config.name(), dir);
            runner.walk();
        }
        return dir;
    }

    /** A new, empty folder named by the current time under {@code parent} (with -2, -3 ... if taken). */
    public static Path newFolder(Path parent) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        Path dir = parent.resolve(stamp);
        for (int n = 2; Files.exists(dir); n++) {
            dir = parent.resolve(stamp + "-" + n);
        }
        Files.createDirectories(dir);
        return dir;
    }

    private void walk() throws IOException {
        long start = System.nanoTime();
        RunFiles files = new RunFiles(dir);
        try {
            files.writeConfig(config);
            Prepared data = record.step("load dataset", this::prepare);
            if (config.eda()) {
                record.step("eda", () -> Eda.run(data.name(), data.train(), data.evaluation(), dir.resolve("eda")));
            }
            INDArray pixels = PixelMatrix.of(data.train());
            INDArray evalPixels = data.evaluation() == null ? null : PixelMatrix.of(data.evaluation());
            RunFigures figures = new RunFigures(dir, data.train());
            for (Step featureStep : config.features()) {
                String features = featureStep.label();
                FeatureSet set = record.step("features " + features, () -> {
                    long t = System.nanoTime();
                    FeatureSet f = fitFeatures(Steps.feature(featureStep, config.seed()), features, pixels,
                            evalPixels, data);
                    record.features(features, f.fitted(), seconds(t));
                    figures.features(features, f.fitted());
                    return f;
                });
                FittedFeatures fitted = set.fitted();
                INDArray x = set.x();
                INDArray evalX = set.evalX();
                for (Step algorithmStep : config.algorithms()) {
                    String algorithm = algorithmStep.label();
                    record.step(algorithm + " on " + features, () -> {
                        Steps.Algorithm algo = Steps.algorithm(algorithmStep, config.seed());
                        if (algo instanceof Steps.Fit || algo instanceof Steps.Spread || algo instanceof Steps.Deep) {
                            RunResult r = algo instanceof Steps.Fit fit
                                    ? fitAndScore(features, algorithm, fit, x, evalX, data)
                                    : algo instanceof Steps.Deep deep
                                    ? fineTuneAndScore(features, algorithm, deep, (AutoencoderModel) fitted, pixels,
                                            x, evalPixels, data)
                                    : spreadAndScore(features, algorithm, (Steps.Spread) algo, x, data);
                            record.result(r);
                            figures.result(r, data, fitted);
                        } else if (algo instanceof Steps.Sweep sweep) {
                            long t = System.nanoTime();
                            List<KMeansSweep.Point> points = KMeansSweep.run(x, sweep.from(), sweep.to(), sweep.base(),
                                    sweep.silhouetteSample());
                            RunResult.SweepCurve curve = new RunResult.SweepCurve(features, algorithm, points, seconds(t));
                            record.sweep(curve);
                            figures.sweep(curve);
                        }
                        return null;
                    });
                }
                for (Step embeddingStep : config.embeddings()) {
                    Steps.EmbeddingPlot plot = Steps.embedding(embeddingStep, config.seed());
                    String on = plot.on() == null ? config.features().get(0).label() : plot.on();
                    if (on.equals(features)) {
                        record.step(embeddingStep.label() + " of " + features, () -> {
                            figures.embedding(plot, features, data.name() + " " + config.dataset().splitName(),
                                    x, record.results().stream().filter(r -> r.features().equals(features)).toList());
                            return null;
                        });
                    }
                }
            }
            record.step("write results", () -> {
                figures.comparison(record.results());
                files.writeResults(record, data, seconds(start));
                files.writeReport(record, data, figures);
                return null;
            });
            log.info("run {} finished in {} s: {}", config.name(), String.format("%.1f", seconds(start)),
                    dir.resolve("report.html"));
        } catch (RuntimeException | IOException e) {
            files.writeFailure(record, e, seconds(start));
            if (e instanceof IllegalArgumentException && !(e instanceof BadInputException)) {
                // An algorithm's own check ("k = 200 is outside 1..100") says what, not where: name the step.
                throw new BadInputException(record.currentStep() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Fits a feature entry. A network trains with the evaluation split (if any) as its validation data, checkpoints
     * at most once a minute under {@code models/checkpoints/} (a run killed and started again resumes there), and is
     * saved with its model card under {@code models/}; an entry with {@code load} uses a saved model instead. Returns
     * it with the features it gives both splits.
     */
    private FeatureSet fitFeatures(Steps.Features step, String label, INDArray pixels, INDArray evalPixels,
                                   Prepared data) throws IOException {
        if (step instanceof Steps.Chain chain) {
            // Each part is fitted on, and maps, the part before's output: every image goes through each part once.
            FeatureSet first = fitFeatures(chain.first(), label, pixels, evalPixels, data);
            FeatureSet then = fitFeatures(chain.then(), label + " then", first.x(), first.evalX(), data);
            return new FeatureSet(new ChainedFeatures(first.fitted(), then.fitted()), then.x(), then.evalX());
        }
        FittedFeatures fitted;
        if (step instanceof Steps.Plain plain) {
            fitted = plain.extractor().fit(pixels);
        } else if (step instanceof Steps.AutoencoderStep ae) {
            fitted = ae.load() != null ? AutoencoderModel.load(ae.load())
                    : saveNetwork(label, ae.autoencoder().fit(pixels, evalPixels, trainingRun(label, data)));
        } else {
            Steps.CnnStep cnn = (Steps.CnnStep) step;
            fitted = cnn.load() != null ? CnnModel.load(cnn.load())
                    : saveNetwork(label, cnn.cnn().fit(data.train(), trainingRun(label, data)));
        }
        // An embedding has no map for unseen images, so its clusters are scored on the fitted split only.
        return new FeatureSet(fitted, fitted.transform(pixels),
                evalPixels == null || fitted instanceof Embedding ? null : fitted.transform(evalPixels));
    }

    /**
     * Fitted features with the features of the fitted split and, where they map unseen images, of the evaluation
     * split (else null).
     */
    private record FeatureSet(FittedFeatures fitted, INDArray x, INDArray evalX) {
    }

    private TrainingRun trainingRun(String label, Prepared data) {
        return TrainingRun.none().withCheckpoints(checkpoints(label))
                .withDataset(data.name(), config.dataset().splitName());
    }

    private Path checkpoints(String label) {
        return config.models().resolve("checkpoints").resolve(modelName(label));
    }

    /** The experiment's name and the entry's label as a file name: {@code fashion-ae-autoencoder_epochs_60}. */
    private String modelName(String label) {
        return config.name() + "-" + label.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+|_+$", "");
    }

    private FittedFeatures saveNetwork(String label, FittedFeatures model) throws IOException {
        Path file = config.models().resolve(modelName(label) + ".zip");
        Files.createDirectories(config.models());
        model.save(file);
        record.modelFile(label, file);
        AtomicFiles.deleteTree(checkpoints(label));
        log.info("saved {} to {} (model card beside it)", label, file);
        return model;
    }

    /** The dataset as the config prepares it, and where each kept image was in the split. */
    record Prepared(String name, ImageSet train, int[] originalIndex, ImageSet evaluation, int duplicatesRemoved) {
    }

    private Prepared prepare() {
        ExperimentConfig.DatasetSection ds = config.dataset();
        ImageSet set = ImageSet.concat(ds.splits().stream().map(s -> DatasetSource.open(ds.name(), s, locator))
                .toList());
        log.info("loaded {}", set);
        int[] index = IntStream.range(0, set.size()).toArray();
        int removed = 0;
        if (ds.deduplicate()) {
            Deduplicator.Result dedup = Deduplicator.dropDuplicates(set);
            removed = dedup.removedCount();
            log.info("removed {} exact duplicate(s) ({} same image under another label kept)", removed,
                    dedup.conflicts());
            index = without(index, dedup.removedIndices());
            set = dedup.kept();
        }
        if (ds.subsample() > 0 && ds.subsample() < set.size()) {
            int[] keep = Subsample.stratifiedIndices(set, ds.subsample(), config.seed());
            int[] before = index;
            index = IntStream.of(keep).map(i -> before[i]).toArray();
            set = Subsample.stratified(set, ds.subsample(), config.seed());
            log.info("stratified subsample of {} images (seed {})", set.size(), config.seed());
        }
        ImageSet evaluation = ds.evaluateOn() == null ? null : DatasetSource.open(ds.name(), ds.evaluateOn(), locator);
        String name = Path.of(ds.name()).getFileName().toString();
        return new Prepared(name, set, index, evaluation, removed);
    }

    private static int[] without(int[] index, int[] removedPositions) {
        boolean[] gone = new boolean[index.length];
        for (int r : removedPositions) {
            gone[r] = true;
        }
        return IntStream.range(0, index.length).filter(i -> !gone[i]).map(i -> index[i]).toArray();
    }

    private RunResult fitAndScore(String features, String algorithm, Steps.Fit fit, INDArray x, INDArray evalX,
                                  Prepared data) {
        long t = System.nanoTime();
        Clustering c = fit.clusterer().fit(x);
        return score(features, algorithm, c, seconds(t), x, evalX, data, new LinkedHashMap<>());
    }

    /**
     * DEC or IDEC: fine-tunes the entry's autoencoder on the images and clusters its codes; it assigns images of the
     * evaluation split by their pixels. The silhouette is of the entry's features, the pretrained codes, as for the
     * other algorithms on them.
     */
    private RunResult fineTuneAndScore(String features, String algorithm, Steps.Deep deep, AutoencoderModel pretrained,
                                       INDArray pixels, INDArray x, INDArray evalPixels, Prepared data) {
        long t = System.nanoTime();
        Clustering c = deep.clustering().fit(pretrained, pixels);
        return score(features, algorithm, c, seconds(t), x, evalPixels, data, new LinkedHashMap<>());
    }

    /**
     * Label spreading from a seeded random {@code labeled_fraction} of the true labels, as the MNIST semi-supervised
     * notebook does; its accuracy on the points whose label it was not given is {@code unlabeled_acc}.
     */
    private RunResult spreadAndScore(String features, String algorithm, Steps.Spread spread, INDArray x,
                                     Prepared data) {
        ImageSet train = data.train();
        if (!train.hasLabels()) {
            throw new BadInputException(algorithm + " spreads some of the true labels, and " + train.source()
                    + " has none");
        }
        int count = (int) Math.max(1, Math.round(train.size() * spread.labeledFraction()));
        PartialLabels labels = PartialLabels.keep(train.labels(), count, spread.seed());
        long t = System.nanoTime();
        LabelSpreadingModel m = spread.spreading().fit(x, labels.given());
        double secs = seconds(t);
        Map<String, Double> scores = new LinkedHashMap<>();
        putIfWanted(scores, "unlabeled_acc", labels.accuracyOnHidden(m.labels()));
        return score(features, algorithm, m, secs, x, null, data, scores);
    }

    private RunResult score(String features, String algorithm, Clustering c, double secs, INDArray x, INDArray evalX,
                            Prepared data, Map<String, Double> scores) {
        int[] labels = c.labels();
        Contingency contingency = null;
        ClassificationReport report = null;
        if (data.train().hasLabels()) {
            int[] truth = data.train().labels();
            ExternalScores s = ExternalScores.of(truth, labels);
            putIfWanted(scores, "acc", s.acc());
            putIfWanted(scores, "majority_acc", s.majorityAcc());
            putIfWanted(scores, "nmi", s.nmi());
            putIfWanted(scores, "ari", s.ari());
            putIfWanted(scores, "ami", s.ami());
            contingency = s.contingency();
            report = ClassificationReport.of(contingency, data.train().classNames());
        }
        if (config.scores().contains("silhouette") && c.numClusters() >= 2 && c.numClusters() < labels.length) {
            int n = labels.length;
            int sample = config.silhouetteSample();
            scores.put("silhouette", sample == 0 || n <= sample ? Silhouette.score(x, labels)
                    : Silhouette.score(x, labels, sample, config.seed()));
        }
        Map<String, Double> stats = c.statistics();
        for (String key : List.of("inertia", "log_likelihood", "bic")) {
            if (stats.containsKey(key)) {
                putIfWanted(scores, key, stats.get(key));
            }
        }
        int[] evalLabels = null;
        Map<String, Double> evalScores = Map.of();
        if (evalX != null && c.canPredict()) {
            evalLabels = c.predict(evalX);
            if (data.evaluation().hasLabels() && contingency != null) {
                evalScores = evaluationScores(contingency, data.evaluation().labels(), evalLabels);
            }
        }
        log.info("{} on {}: {} clusters in {} s; {}", algorithm, features, c.numClusters(),
                String.format("%.2f", secs), scores.entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.4g", e.getValue()))
                        .collect(Collectors.joining(", ")));
        return new RunResult(features, algorithm, c.numClusters(), labels, scores, stats, contingency, report,
                evalLabels, evalScores, secs);
    }

    /**
     * Scores of the clusters predicted for the evaluation split. ACC and majority accuracy use the cluster-to-class
     * mappings learned on the fitted split, as the notebooks do (a model is judged on data it did not see);
     * NMI, ARI and AMI need no mapping.
     */
    private Map<String, Double> evaluationScores(Contingency fitted, int[] truth, int[] clusters) {
        Map<String, Double> out = new LinkedHashMap<>();
        putIfWanted(out, "acc", agreement(ClusterAccuracy.hungarian(fitted).predict(clusters), truth));
        putIfWanted(out, "majority_acc", agreement(ClusterAccuracy.majority(fitted).predict(clusters), truth));
        ExternalScores s = ExternalScores.of(truth, clusters);
        putIfWanted(out, "nmi", s.nmi());
        putIfWanted(out, "ari", s.ari());
        putIfWanted(out, "ami", s.ami());
        return out;
    }

    private static double agreement(int[] predicted, int[] truth) {
        int same = 0;
        for (int i = 0; i < truth.length; i++) {
            same += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) same / truth.length;
    }

    private void putIfWanted(Map<String, Double> scores, String key, double value) {
        if (config.scores().contains(key)) {
            scores.put(key, value);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Results gathered so far, and the step under way (named in results.json if it fails). */
    static final class RunRecord {
        private final ExperimentConfig config;
        private final List<RunResult> results = new ArrayList<>();
        private final List<RunResult.SweepCurve> sweeps = new ArrayList<>();
        private final Map<String, Map<String, Object>> features = new LinkedHashMap<>();
        private String currentStep = "start";

        RunRecord(ExperimentConfig config) {
            this.config = config;
        }

        @FunctionalInterface
        interface Body<T> {
            T run() throws IOException;
        }

        <T> T step(String name, Body<T> body) throws IOException {
            currentStep = name;
            log.info("step: {}", name);
            return body.run();
        }

        void features(String label, FittedFeatures f, double secs) {
            Map<String, Object> info = features.computeIfAbsent(label, l -> new LinkedHashMap<>());
            info.put("output_dimension", f.outputDimension());
            info.put("seconds", secs);
            FittedFeatures trained = f instanceof ChainedFeatures chain
                    ? chain.parts().stream().filter(TrainedNetwork.class::isInstance).findFirst().orElse(f) : f;
            if (trained instanceof TrainedNetwork network) {
                TrainingSummary s = network.summary();
                Map<String, Object> training = new LinkedHashMap<>();
                training.put("epochs", s.history().size());
                EpochScores last = s.last().scores();
                putMeasured(training, "final_loss", last.loss());
                putMeasured(training, "final_validation_loss", last.validationLoss());
                putMeasured(training, "final_validation_accuracy", last.validationAccuracy());
                training.put("training_seconds", s.trainingSeconds());
                training.put("seconds_per_epoch", s.trainingSeconds() / s.history().size());
                info.put("training", training);
            }
        }

        private static void putMeasured(Map<String, Object> out, String key, double value) {
            if (!Double.isNaN(value)) {
                out.put(key, value);
            }
        }

        void modelFile(String label, Path file) {
            features.computeIfAbsent(label, l -> new LinkedHashMap<>()).put("model_file", file.toString());
        }

        void result(RunResult r) {
            results.add(r);
        }

        void sweep(RunResult.SweepCurve s) {
            sweeps.add(s);
        }

        ExperimentConfig config() {
            return config;
        }

        List<RunResult> results() {
            return results;
        }

        List<RunResult.SweepCurve> sweeps() {
            return sweeps;
        }

        Map<String, Map<String, Object>> featureInfo() {
            return features;
        }

        String currentStep() {
            return currentStep;
        }
    }
}
