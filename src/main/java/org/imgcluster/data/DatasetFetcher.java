package org.imgcluster.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Downloads a named dataset into {@code <root>/<name>/}, verifying each file's SHA-256. Every file is written under
 * a temporary name and renamed only once verified, so an interrupted or corrupt download leaves nothing that looks
 * complete. Archives (CIFAR-10) are unpacked the same way: into a temporary folder, renamed when whole.
 */
public final class DatasetFetcher {
    private static final Logger log = LoggerFactory.getLogger(DatasetFetcher.class);

    /** What a fetch did: the dataset folder, the files written, and how many were already there and verified. */
    public record Result(Path dir, List<Path> written, int alreadyPresent) {
    }

    private DatasetFetcher() {
    }

    /**
     * @param root   the folder that gets a {@code <name>/} subfolder (normally the user cache)
     * @param mirror a base URL to download the same file names from instead of the canonical URLs, or null
     */
    public static Result fetch(DatasetSpec spec, Path root, String mirror) {
        Path dir = root.resolve(spec.name());
        List<Path> written = new ArrayList<>();
        int present = 0;
        try {
            Files.createDirectories(dir);
            for (RemoteFile file : spec.downloads()) {
                Path target = dir.resolve(file.fileName());
                if (spec.format() == DatasetSpec.Format.CIFAR) {
                    Path unpacked = dir.resolve("cifar-10-batches-bin");
                    if (spec.hasSplit(unpacked, Split.TRAIN) && spec.hasSplit(unpacked, Split.TEST)) {
                        present++;
                        continue;
                    }
                    download(file, mirror, target);
                    written.add(untar(target, dir, "cifar-10-batches-bin"));
                    Files.delete(target);
                } else if (Files.isRegularFile(target) && sha256(target).equals(file.sha256())) {
                    present++;
                } else {
                    download(file, mirror, target);
                    written.add(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fetch " + spec.name() + " into " + dir + ": " + e.getMessage(), e);
        }
        return new Result(dir, written, present);
    }

    private static void download(RemoteFile file, String mirror, Path target) throws IOException {
        String url = mirror == null ? file.url() : mirror.replaceAll("/+$", "") + "/" + file.fileName();
        log.info("downloading {} ({} MB)", url, String.format("%.1f", file.bytes() / 1e6));
        URLConnection conn = URI.create(url).toURL().openConnection();
        conn.setConnectTimeout(30_000);
        conn.setReadTimeout(60_000);
        long total = conn.getContentLengthLong() > 0 ? conn.getContentLengthLong() : file.bytes();
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName(file.fileName()).setInitialMax(total)
                .setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.ASCII).continuousUpdate();
        // Verified before the rename: a mismatch throws inside the write, which then leaves nothing behind.
        AtomicFiles.write(target, out -> {
            MessageDigest sha = newSha256();
            long bytes;
            try (InputStream in = new DigestInputStream(ProgressBar.wrap(conn.getInputStream(), bar), sha)) {
                bytes = in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(file.sha256())) {
                throw new BadInputException("fetch " + url + ": SHA-256 mismatch: expected " + file.sha256()
                        + ", got " + actual + " (" + bytes + " bytes); nothing was kept");
            }
        });
    }

    /** Unpacks the archive's {@code folder/} entries into {@code dir/folder}, atomically. */
    private static Path untar(Path archive, Path dir, String folder) throws IOException {
        Path staging = dir.resolve("." + folder + ".partial");
        Path target = dir.resolve(folder);
        AtomicFiles.deleteTree(staging);
        Files.createDirectories(staging);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                Path name = Path.of(entry.getName()).normalize();
                if (entry.isDirectory() || name.getNameCount() != 2 || !name.getName(0).toString().equals(folder)) {
                    continue;
                }
                Files.copy(tar, staging.resolve(name.getFileName().toString()));
            }
        } catch (IOException e) {
            AtomicFiles.deleteTree(staging);
            throw new BadInputException("fetch: " + archive + " is not a readable tar.gz: " + e.getMessage(), e);
        }
        AtomicFiles.deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
