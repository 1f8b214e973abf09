package org.imgcluster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.imgcluster.data.DatasetLocator;
import org.imgcluster.data.DatasetSource;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Split;
import org.imgcluster.experiment.Eda;
import org.imgcluster.experiment.EdaResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster eda DATASET}: the seed notebooks' exploratory analysis as PNGs and one HTML page. */
@Command(name = "eda", mixinStandardHelpOptions = true,
        description = "Exploratory analysis of a dataset: samples per class, class distribution (train and test), "
                + "pixel histograms, per-class mean and std images, channel and pixel correlations, statistics.")
final class EdaCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(EdaCommand.class);

    @Parameters(paramLabel = "DATASET",
            description = "A dataset name (mnist, fashion-mnist, cifar10) or a path: a Kaggle-style .csv, an IDX "
                    + "*images-idx3* file, or a folder in IDX or CIFAR-10 layout.")
    String dataset;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "train",
            description = "Which split to analyse (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the figures and eda.html (default: runs/eda-<dataset>-<split>).")
    Path out;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Split wanted = Split.parse(split);
        DatasetLocator locator = data.locator();
        long start = System.nanoTime();
        ImageSet primary = DatasetSource.open(dataset, wanted, locator);
        ImageSet other = DatasetSource.openIfPresent(dataset, wanted == Split.TRAIN ? Split.TEST : Split.TRAIN, locator)
                .orElse(null);
        log.info("loaded {} in {} s", primary, seconds(start));
        String name = displayName(dataset);
        Path dir = out != null ? out : Path.of("runs", "eda-" + name + "-" + wanted.lowerName());
        EdaResult result = Eda.run(name, primary, other, dir);
        PrintWriter stdout = spec.commandLine().getOut();
        result.summaryLines().forEach(stdout::println);
        stdout.println("report: " + result.html().toAbsolutePath());
        stdout.flush();
        log.info("eda of {} {} done in {} s", name, wanted.lowerName(), seconds(start));
        return Main.EXIT_OK;
    }

    /** A file-name-safe name for the dataset: the name itself, or the file or folder name of a path. */
    private static String displayName(String nameOrPath) {
        Path p = Path.of(nameOrPath).getFileName();
        String base = p == null ? nameOrPath : p.toString();
        return base.replaceAll("\\.(csv|gz)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
