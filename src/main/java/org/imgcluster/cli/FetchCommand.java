package org.imgcluster.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.imgcluster.data.DatasetFetcher;
import org.imgcluster.data.DatasetRegistry;
import org.imgcluster.data.DatasetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgcluster fetch NAME}: download, verify and store a named dataset. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download a named dataset (mnist, fashion-mnist, cifar10), verify its SHA-256 sums and store it "
                + "in the user cache (or --dir). Files already present and verified are kept.")
final class FetchCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(FetchCommand.class);

    @Parameters(paramLabel = "NAME", description = "Dataset name: ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Store under DIR/NAME instead of ~/.cache/imgcluster/NAME.")
    Path dir;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Download the same file names from this base URL (http, https or file) instead.")
    String mirror;

    @Override
    public Integer call() {
        DatasetSpec spec = DatasetRegistry.get(name);
        Path root = dir != null ? dir : new DataDirOption().locator().cacheDir();
        long start = System.nanoTime();
        DatasetFetcher.Result result = DatasetFetcher.fetch(spec, root, mirror);
        log.info("{}: {} file(s) downloaded and verified, {} already present, in {} ({} s)", spec.name(),
                result.written().size(), result.alreadyPresent(), result.dir(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return Main.EXIT_OK;
    }

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DatasetRegistry.all().stream().map(DatasetSpec::name).iterator();
        }
    }
}
