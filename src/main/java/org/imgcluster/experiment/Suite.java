package org.imgcluster.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.DatasetLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several configs one after another, each into its own run folder as {@code run} would, then writes one
 * comparison folder (suite.json, suite.csv, suite.html and its charts). A config that fails is recorded with its
 * one-line reason and the suite goes on, because one missing dataset should not throw away hours of other runs.
 */
public final class Suite {
    private static final Logger log = LoggerFactory.getLogger(Suite.class);

    /** Where suite folders go by default: {@code runs/suite/<timestamp>/}. */
    public static final Path DEFAULT_PARENT = Path.of("runs", "suite");

    /**
     * What became of one config.
     *
     * @param runDir  its run folder; for a failed run the folder holding the failed results.json, or null when
     *                it failed before the runner made one (e.g. the dataset is not there)
     * @param error   the one-line reason it failed; null when it finished
     * @param failure the exception itself (for the exit code); null when it finished
     */
    public record ConfigRun(Path file, String name, String dataset, Path runDir, String error, Throwable failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** The suite folder, every config's fate in the order run, and every result row of the finished ones. */
    public record Outcome(Path dir, List<ConfigRun> runs, List<SuiteRow> rows) {
        public List<ConfigRun> failures() {
            return runs.stream().filter(ConfigRun::failed).toList();
        }

        public Path report() {
            return dir.resolve(SuiteReport.HTML);
        }
    }

    private Suite() {
    }

    /** {@code *.yaml} / {@code *.yml} in the folder, in name order: what {@code suite} runs when given no configs. */
    public static List<Path> configsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such folder of configs; name the config files to run");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new BadInputException(folder + ": no *.yaml configs there; name the config files to run");
        }
        return files;
    }

    /** Every config loaded and checked before any work, so a typo in the last file fails in seconds, not hours. */
    public static List<ExperimentConfig> load(List<Path> files) {
        return files.stream().map(ExperimentConfig::load).toList();
    }

    /** Runs every config in order, then writes the comparison into {@code dir}. */
    public static Outcome run(List<ExperimentConfig> configs, DatasetLocator locator, Path dir) throws IOException {
        // Read the published numbers first: a broken resource should fail before the runs, not after them.
        List<PublishedBaselines.Baseline> baselines = PublishedBaselines.load();
        Files.createDirectories(dir);
        List<ConfigRun> runs = new ArrayList<>();
        List<SuiteRow> rows = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ExperimentConfig config = configs.get(i);
            log.info("suite: config {} of {}: {} ({})", i + 1, configs.size(), config.name(), config.source());
            Path parent = config.output().resolve(config.name());
            Set<Path> before = subfolders(parent);
            try {
                Path runDir = ExperimentRunner.run(config, locator);
                rows.addAll(SuiteRow.read(config, runDir));
                runs.add(new ConfigRun(config.source(), config.name(), SuiteRow.datasetName(config), runDir, null, null));
            } catch (Exception | OutOfMemoryError e) {
                // An out-of-memory run releases its heap as it unwinds, so the smaller configs after it can still run.
                String error = oneLine(e);
                log.error("suite: config {} failed: {}", config.name(), error);
                Path runDir = subfolders(parent).stream().filter(p -> !before.contains(p)).findFirst().orElse(null);
                runs.add(new ConfigRun(config.source(), config.name(), SuiteRow.datasetName(config), runDir, error, e));
            }
        }
        Outcome outcome = new Outcome(dir, List.copyOf(runs), List.copyOf(rows));
        SuiteFiles.write(outcome, baselines);
        SuiteReport.write(outcome, baselines);
        log.info("suite: {} configs, {} failed: {}", runs.size(), outcome.failures().size(), outcome.report());
        return outcome;
    }

    private static Set<Path> subfolders(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(Files::isDirectory).collect(Collectors.toSet());
        }
    }

    /** The reason on one line, worded as the command line words errors (bad input plainly, others by their class). */
    static String oneLine(Throwable e) {
        Throwable shown = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String msg = shown.getMessage();
        if (shown instanceof NoSuchFileException) {
            msg = "no such file: " + msg;
        } else if (msg == null || !(shown instanceof IllegalArgumentException)) {
            msg = shown.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        }
        return msg.replaceAll("\\s*\\R\\s*", " ");
    }
}
