package org.imgcluster.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.imgcluster.data.DatasetLocator;
import org.imgcluster.data.DatasetRegistry;
import org.imgcluster.data.DatasetSpec;
import org.imgcluster.data.Split;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster datasets}: each known dataset, where each split was found, and its size. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the named datasets, where each split was found, and its size.")
final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetLocator locator = data.locator();
        out.printf("%-14s %-6s %8s %10s  %s%n", "dataset", "split", "images", "size", "found in");
        for (DatasetSpec ds : DatasetRegistry.all()) {
            for (Split split : Split.values()) {
                var found = locator.find(ds, split);
                String size = found.map(f -> f.isEmbedded() ? "in jar" : String.format("%.1f MB",
                        ds.bytesOnDisk(f.dir(), split) / 1e6)).orElse("-");
                out.printf("%-14s %-6s %8d %10s  %s%n", ds.name(), split.lowerName(), ds.imageCounts().get(split), size,
                        found.map(DatasetLocator.Found::where).orElse("not found: imgcluster fetch " + ds.name()));
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
