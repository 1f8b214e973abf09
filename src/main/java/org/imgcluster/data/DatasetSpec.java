package org.imgcluster.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset imgcluster knows by name: how its files are laid out, where to download them, and its classes.
 *
 * @param embedded whether the test split ships inside the jar (resource folder {@code /embedded/<name>/})
 */
public record DatasetSpec(String name, String title, Format format, List<String> classNames,
                          Map<Split, Integer> imageCounts, List<RemoteFile> downloads, String license,
                          boolean embedded) {

    /** How a dataset's files are laid out in its folder. */
    public enum Format {
        /** {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-...}. */
        IDX,
        /** CIFAR-10 batches, binary ({@code data_batch_1.bin}...) or Python pickles ({@code data_batch_1}...). */
        CIFAR
    }

    private static final String EMBEDDED_ROOT = "/embedded/";

    /** Whether {@code dir} holds the files of {@code split} in this dataset's layout. */
    public boolean hasSplit(Path dir, Split split) {
        return switch (format) {
            case IDX -> idxFile(dir, split, "images-idx3").isPresent() && idxFile(dir, split, "labels-idx1").isPresent();
            case CIFAR -> CifarLoader.hasSplit(dir, split);
        };
    }

    /** Loads {@code split} from folder {@code dir}, which must hold it ({@link #hasSplit}). */
    public ImageSet load(Path dir, Split split) {
        return switch (format) {
            case IDX -> IdxLoader.load(idxFile(dir, split, "images-idx3").orElseThrow(),
                    idxFile(dir, split, "labels-idx1").orElseThrow(), classNames);
            case CIFAR -> CifarLoader.load(dir, split);
        };
    }

    /** Loads the embedded test split from the classpath. */
    public ImageSet loadEmbedded() {
        if (!embedded) {
            throw new IllegalStateException(name + " has no embedded copy");
        }
        String images = EMBEDDED_ROOT + name + "/" + idxStem(Split.TEST, "images-idx3") + ".gz";
        String labels = EMBEDDED_ROOT + name + "/" + idxStem(Split.TEST, "labels-idx1") + ".gz";
        return IdxLoader.load(readResource(images), images, readResource(labels), labels, classNames,
                "embedded:" + name + "/test");
    }

    /** Size in bytes of the files of {@code split} in {@code dir}. */
    public long bytesOnDisk(Path dir, Split split) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> belongsTo(f.getFileName().toString(), split))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean belongsTo(String file, Split split) {
        return switch (format) {
            case IDX -> file.startsWith(idxPrefix(split));
            case CIFAR -> split == Split.TRAIN ? file.startsWith("data_batch_") : file.startsWith("test_batch");
        };
    }

    private static Optional<Path> idxFile(Path dir, Split split, String kind) {
        String stem = idxStem(split, kind);
        for (String candidate : new String[] {stem + ".gz", stem}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String idxPrefix(Split split) {
        return split == Split.TRAIN ? "train-" : "t10k-";
    }

    private static String idxStem(Split split, String kind) {
        return idxPrefix(split) + kind + "-ubyte";
    }

    private static byte[] readResource(String path) {
        try (InputStream in = DatasetSpec.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("embedded resource " + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
