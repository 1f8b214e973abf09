package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from a file: mirror, so the tests need no network. */
class DatasetFetcherTest {
    @TempDir
    Path tmp;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static DatasetSpec idxSpec(String name, List<RemoteFile> files) {
        return new DatasetSpec(name, name, DatasetSpec.Format.IDX, List.of(), Map.of(Split.TEST, 10_000), files, "test",
                false);
    }

    @Test
    void checksumMismatchIsAOneLineErrorAndLeavesNothing() {
        // The shared MNIST files are re-compressed, so their SHA-256 differs from the canonical downloads'.
        Path shared = TestData.sharedDatasets().resolve("mnist");
        assertThatThrownBy(() -> DatasetFetcher.fetch(DatasetRegistry.get("mnist"), tmp, shared.toUri().toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("fetch " + shared.toUri().toString().replaceAll("/+$", "")
                        + "/train-images-idx3-ubyte.gz: SHA-256 mismatch: expected "
                        + "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609, got "
                        + "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971")
                .hasMessageNotContaining("\n");
        try (var left = Files.list(tmp.resolve("mnist"))) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void verifiedFilesAreStoredAndKeptOnASecondFetch() throws Exception {
        Path shared = TestData.sharedDatasets().resolve("mnist");
        List<RemoteFile> files = new java.util.ArrayList<>();
        for (String f : new String[] {"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            byte[] bytes = Files.readAllBytes(shared.resolve(f));
            files.add(new RemoteFile(f, "https://example.invalid/" + f, bytes.length, sha256(bytes)));
        }
        DatasetSpec spec = idxSpec("digits", files);
        DatasetFetcher.Result first = DatasetFetcher.fetch(spec, tmp, shared.toUri().toString());
        assertThat(first.written()).hasSize(2);
        assertThat(first.alreadyPresent()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("digits/t10k-labels-idx1-ubyte.gz")))
                .isEqualTo(Files.readAllBytes(shared.resolve("t10k-labels-idx1-ubyte.gz")));
        assertThat(spec.load(first.dir(), Split.TEST).size()).isEqualTo(10_000);
        DatasetFetcher.Result second = DatasetFetcher.fetch(spec, tmp, "file:///nonexistent");
        assertThat(second.written()).isEmpty();
        assertThat(second.alreadyPresent()).isEqualTo(2);
    }

    @Test
    void cifarArchiveIsUnpackedIntoItsFolder() throws Exception {
        ImageSet train = RandomImages.create(50, 32, 32, 3, 10, 1);
        ImageSet test = RandomImages.create(10, 32, 32, 3, 10, 2);
        Path staged = tmp.resolve("staged/cifar-10-batches-bin");
        Files.createDirectories(staged);
        CifarBinaryWriter.writeSplit(staged, Split.TRAIN, train);
        CifarBinaryWriter.writeSplit(staged, Split.TEST, test);
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror);
        Path archive = mirror.resolve("cifar-10-binary.tar.gz");
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            try (var entries = Files.list(staged)) {
                for (Path p : entries.sorted().toList()) {
                    TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), "cifar-10-batches-bin/" + p.getFileName());
                    tar.putArchiveEntry(entry);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(archive);
        DatasetSpec cifar = DatasetRegistry.get("cifar10");
        DatasetSpec spec = new DatasetSpec("cifar10", "cifar", DatasetSpec.Format.CIFAR, cifar.classNames(),
                cifar.imageCounts(), List.of(new RemoteFile("cifar-10-binary.tar.gz", "https://example.invalid/x",
                bytes.length, sha256(bytes))), "test", false);
        Path root = tmp.resolve("cache");
        DatasetFetcher.fetch(spec, root, mirror.toUri().toString());
        assertThat(root.resolve("cifar10/cifar-10-binary.tar.gz")).doesNotExist();
        var found = new DatasetLocator(null, null, tmp, root).require(cifar, Split.TRAIN);
        assertThat(root.resolve("cifar10/cifar-10-batches-bin/data_batch_5.bin")).isRegularFile();
        assertThat(found.dir()).isEqualTo(root.resolve("cifar10"));
        assertThat(found.load().pixels()).isEqualTo(train.pixels());
        assertThat(new DatasetLocator(null, null, tmp, root).require(cifar, Split.TEST).load().labels())
                .isEqualTo(test.labels());
    }
}
