package org.imgcluster.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.imgcluster.data.DatasetSource;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Split;
import org.imgcluster.experiment.Benchmark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster bench}: the scikit-learn peer's tasks, timed here, in the peer's TSV format. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the tasks of ../shared/peers/sk_peer.py on the same data and print the same TSV lines "
                + "(task, seconds, key=value...), plus the peak memory (Java heap in use + ND4J off-heap), so the two "
                + "outputs can be joined line by line. The time is the median of --repeat runs.")
final class BenchCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

    @Parameters(paramLabel = "TASK", arity = "0..*", description = "Tasks to run (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = TaskNames.class)
    List<String> tasks;

    @Option(names = "--dataset", paramLabel = "NAME|PATH", defaultValue = "fashion-mnist",
            description = "Labelled dataset to run on, train split (default: ${DEFAULT-VALUE}, as the peer).")
    String dataset;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Runs per task (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> wanted = tasks == null || tasks.isEmpty() ? List.copyOf(Benchmark.tasks().keySet()) : tasks;
        ImageSet images = DatasetSource.open(dataset, Split.TRAIN, data.locator());
        log.info("bench on {}: {} task(s), {} run(s) each", images, wanted.size(), repeat);
        Benchmark bench = new Benchmark(images);
        PrintWriter out = spec.commandLine().getOut();
        for (String task : wanted) {
            log.info("{}: {}", task, Benchmark.tasks().getOrDefault(task, "?"));
            out.println(bench.run(task, repeat).tsv());
            out.flush();
        }
        return Main.EXIT_OK;
    }

    static final class TaskNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Benchmark.tasks().keySet().iterator();
        }
    }
}
