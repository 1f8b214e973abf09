package org.imgcluster.cli;

import java.nio.file.Path;

import org.imgcluster.data.DatasetLocator;

import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by every command that reads a named dataset. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding <dataset>/ subfolders; looked at before $IMGCLUSTER_DATA, ~/.cache/imgcluster "
                    + "and the embedded copies.")
    Path dataDir;

    DatasetLocator locator() {
        return DatasetLocator.fromEnvironment(dataDir);
    }
}
