package org.imgcluster.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens what a user names on the command line or in a config: a registered dataset name ({@code mnist},
 * {@code fashion-mnist}, {@code cifar10}), or a path to a Kaggle-style CSV file, an IDX images file (its labels file
 * beside it is used when present), or a folder in IDX or CIFAR-10 layout.
 */
public final class DatasetSource {
    private DatasetSource() {
    }

    /** Loads {@code split} of the dataset named or pointed at; a CSV or single IDX file ignores the split. */
    public static ImageSet open(String nameOrPath, Split split, DatasetLocator locator) {
        Optional<DatasetSpec> named = DatasetRegistry.find(nameOrPath);
        if (named.isPresent()) {
            return locator.require(named.get(), split).load();
        }
        return openPath(Path.of(nameOrPath), split);
    }

    /** Checks, without loading, that {@code split} of the named dataset or the path can be found. */
    public static void requireAvailable(String nameOrPath, Split split, DatasetLocator locator) {
        Optional<DatasetSpec> named = DatasetRegistry.find(nameOrPath);
        if (named.isPresent()) {
            locator.require(named.get(), split);
        } else if (!Files.exists(Path.of(nameOrPath))) {
            throw new BadInputException("'" + nameOrPath + "' is neither a known dataset name ("
                    + String.join(", ", DatasetRegistry.all().stream().map(DatasetSpec::name).toList())
                    + ") nor an existing file or folder");
        }
    }

    /** The split if it can be found, else empty (used for optional companions such as the test split in EDA). */
    public static Optional<ImageSet> openIfPresent(String nameOrPath, Split split, DatasetLocator locator) {
        Optional<DatasetSpec> named = DatasetRegistry.find(nameOrPath);
        if (named.isPresent()) {
            return locator.find(named.get(), split).map(DatasetLocator.Found::load);
        }
        Path path = Path.of(nameOrPath);
        return Files.isDirectory(path) && folderSpec(path).hasSplit(path, split)
                ? Optional.of(openPath(path, split)) : Optional.empty();
    }

    private static ImageSet openPath(Path path, Split split) {
        if (Files.isDirectory(path)) {
            DatasetSpec spec = folderSpec(path);
            if (!spec.hasSplit(path, split)) {
                throw new BadInputException(path + ": no " + split.lowerName() + " split here (expected IDX files "
                        + "train-/t10k-{images-idx3,labels-idx1}-ubyte[.gz] or CIFAR-10 batches)");
            }
            return spec.load(path, split);
        }
        if (!Files.isRegularFile(path)) {
            requireAvailable(path.toString(), split, null);
        }
        String file = path.getFileName().toString();
        if (file.toLowerCase().endsWith(".csv") || file.toLowerCase().endsWith(".csv.gz")) {
            return CsvLoader.load(path);
        }
        if (file.contains("images-idx3")) {
            Path labels = path.resolveSibling(file.replace("images-idx3", "labels-idx1"));
            return IdxLoader.load(path, Files.isRegularFile(labels) ? labels : null, List.of());
        }
        throw new BadInputException(path + ": unknown file type (expected a .csv file or an IDX *images-idx3* file)");
    }

    /** The registered spec of a folder named after one, else an unnamed spec of the layout its files have. */
    private static DatasetSpec folderSpec(Path dir) {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        Optional<DatasetSpec> byName = DatasetRegistry.find(name);
        if (byName.isPresent()) {
            return byName.get();
        }
        boolean cifar = CifarLoader.hasSplit(dir, Split.TRAIN) || CifarLoader.hasSplit(dir, Split.TEST);
        return new DatasetSpec(name, dir.toString(), cifar ? DatasetSpec.Format.CIFAR : DatasetSpec.Format.IDX,
                List.of(), Map.of(), List.of(), "unknown", false);
    }
}
