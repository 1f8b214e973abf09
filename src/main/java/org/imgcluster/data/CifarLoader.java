package org.imgcluster.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIFAR-10, as extracted from either official archive: the binary version ({@code data_batch_1.bin} ..
 * {@code data_batch_5.bin}, {@code test_batch.bin}, {@code batches.meta.txt}) or the python version
 * ({@code data_batch_1} .. {@code data_batch_5}, {@code test_batch}, {@code batches.meta}, pickled dicts).
 * Images come out 32×32×3, channels last.
 */
public final class CifarLoader {
    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
    static final List<String> DEFAULT_CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private static final Logger LOG = LoggerFactory.getLogger(CifarLoader.class);
    private static final int TRAIN_BATCHES = 5;
    /** The folders the two archives extract to, looked in when the given folder holds no batch itself. */
    private static final List<String> ARCHIVE_FOLDERS = List.of("cifar-10-batches-bin", "cifar-10-batches-py");

    private CifarLoader() {
    }

    /** The two on-disk versions: file names and how to read one batch. */
    private enum Format {
        BINARY("binary", ".bin", "batches.meta.txt"),
        PYTHON("python", "", "batches.meta");

        final String displayName;
        final String suffix;
        final String metaFile;

        Format(String displayName, String suffix, String metaFile) {
            this.displayName = displayName;
            this.suffix = suffix;
            this.metaFile = metaFile;
        }

        List<String> batchFiles(Split split) {
            Stream<String> names = split == Split.TRAIN
                    ? IntStream.rangeClosed(1, TRAIN_BATCHES).mapToObj(k -> "data_batch_" + k)
                    : Stream.of("test_batch");
            return names.map(name -> name + suffix).toList();
        }

        List<String> allBatchFiles() {
            return Stream.of(Split.values()).flatMap(split -> batchFiles(split).stream()).toList();
        }

        List<String> classNames(Path folder) {
            Path meta = folder.resolve(metaFile);
            if (!Files.isRegularFile(meta)) {
                return DEFAULT_CLASS_NAMES;
            }
            return this == BINARY ? CifarBinary.readClassNames(meta) : CifarPickle.readClassNames(meta);
        }

        CifarBatch read(Path file, List<String> classNames) {
            return this == BINARY ? CifarBinary.read(file, classNames) : CifarPickle.read(file, classNames);
        }
    }

    /** One batch file's images (channels last) and labels. */
    record CifarBatch(byte[] pixels, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    /**
     * @param dir the extracted folder, or the folder holding {@code cifar-10-batches-bin/} or
     *            {@code cifar-10-batches-py/}; the binary version wins when both are there
     */
    public static ImageSet load(Path dir, Split split) {
        long start = System.nanoTime();
        for (Path folder : candidateFolders(dir)) {
            for (Format format : Format.values()) {
                if (format.allBatchFiles().stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)))) {
                    ImageSet set = load(folder, format, split);
                    LOG.debug("loaded {} in {} ms", set, (System.nanoTime() - start) / 1_000_000);
                    return set;
                }
            }
        }
        List<String> lookedFor = new ArrayList<>();
        for (Format format : Format.values()) {
            lookedFor.addAll(format.allBatchFiles());
        }
        throw new BadInputException(dir + ": no CIFAR-10 batch files here or in " + String.join("/ or ", ARCHIVE_FOLDERS)
                + "/; looked for " + String.join(", ", lookedFor));
    }

    /** Whether {@code dir} (or an archive folder inside it) holds every batch file of {@code split} in one version. */
    public static boolean hasSplit(Path dir, Split split) {
        return candidateFolders(dir).stream().anyMatch(folder -> Stream.of(Format.values()).anyMatch(format ->
                format.batchFiles(split).stream().allMatch(name -> Files.isRegularFile(folder.resolve(name)))));
    }

    private static List<Path> candidateFolders(Path dir) {
        List<Path> folders = new ArrayList<>(List.of(dir));
        ARCHIVE_FOLDERS.forEach(name -> folders.add(dir.resolve(name)));
        return folders;
    }

    private static ImageSet load(Path folder, Format format, Split split) {
        List<String> files = format.batchFiles(split);
        for (String name : files) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new BadInputException(folder + ": missing " + name + " (the " + split + " split of the CIFAR-10 "
                        + format.displayName + " version needs " + String.join(", ", files) + ")");
            }
        }
        List<String> classNames = format.classNames(folder);
        List<CifarBatch> batches = files.stream().map(name -> format.read(folder.resolve(name), classNames)).toList();
        int total = batches.stream().mapToInt(CifarBatch::size).sum();
        byte[] pixels = new byte[total * IMAGE_BYTES];
        int[] labels = new int[total];
        int done = 0;
        for (CifarBatch batch : batches) {
            System.arraycopy(batch.pixels(), 0, pixels, done * IMAGE_BYTES, batch.pixels().length);
            System.arraycopy(batch.labels(), 0, labels, done, batch.size());
            done += batch.size();
        }
        String source = folder + " (CIFAR-10 " + format.displayName + " version, " + split + ")";
        return new ImageSet(pixels, total, SIDE, SIDE, CHANNELS, labels, classNames, source);
    }
}
