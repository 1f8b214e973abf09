package org.imgcluster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.imgcluster.experiment.ExperimentConfig;
import org.imgcluster.experiment.ExperimentRunner;
import org.imgcluster.experiment.Suite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster suite [CONFIG...]}: several experiments, one after another, and one report comparing them. */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Run several experiment configs one after another (each into its own run folder, as 'run' does) "
                + "and write one comparison folder: suite.json, suite.csv and suite.html (every result in one table, "
                + "the seed notebooks' published numbers beside ours, raw pixels vs learned features per dataset). "
                + "All configs are checked before any work; a config that fails is recorded and the others still run.")
final class SuiteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", arity = "0..*",
            description = "The experiments' YAML files, run in the order given (default: configs/*.yaml in name order).")
    List<Path> configFiles;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder for the comparison (default: runs/suite/<timestamp>/).")
    Path output;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = configFiles == null || configFiles.isEmpty() ? Suite.configsIn(Path.of("configs")) : configFiles;
        List<ExperimentConfig> configs = Suite.load(files);
        Path dir = output != null ? output : ExperimentRunner.newFolder(Suite.DEFAULT_PARENT);
        Suite.Outcome outcome = Suite.run(configs, data.locator(), dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("report: " + outcome.report().toAbsolutePath());
        out.flush();
        if (outcome.failures().isEmpty()) {
            return Main.EXIT_OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        int code = Main.EXIT_BAD_INPUT;
        for (Suite.ConfigRun failed : outcome.failures()) {
            err.println("imgcluster: error: config " + failed.name() + " (" + failed.file() + ") failed: " + failed.error());
            // Bad input everywhere is 2, as for the other commands; any internal error makes the suite's code 1.
            if (Main.exitCode(failed.failure()) == Main.EXIT_INTERNAL) {
                code = Main.EXIT_INTERNAL;
            }
        }
        err.flush();
        return code;
    }
}
