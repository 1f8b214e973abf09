package org.imgcluster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.imgcluster.experiment.ExperimentConfig;
import org.imgcluster.experiment.ExperimentRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster run CONFIG}: one experiment, into a new run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the experiment a YAML config describes (see configs/): load and prepare the dataset, "
                + "extract features, cluster, score, and write runs/<name>/<timestamp>/ with results.json, "
                + "results.csv, assignments.csv, the figures and report.html.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "The experiment's YAML file.")
    Path configFile;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = ExperimentRunner.run(ExperimentConfig.load(configFile), data.locator());
        spec.commandLine().getOut().println("report: " + dir.toAbsolutePath().resolve("report.html"));
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
