package org.imgcluster.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Whole-file reads for the loaders. A file is gunzipped when it starts with the gzip magic bytes 1f 8b,
 * whatever its name says, so renamed or re-compressed copies load the same.
 */
final class FileBytes {
    private static final int GZIP_TRAILER_BYTES = 8;

    private FileBytes() {
    }

    /** The file's content, gunzipped when it is gzip data; an unreadable file is the user's to fix. */
    static byte[] read(Path file) {
        return decompressIfGzip(readRaw(file), file.toString());
    }

    /** The bytes as stored on disk, without gunzipping. */
    static byte[] readRaw(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e);
        }
    }

    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0x1f && (data[1] & 0xFF) == 0x8b;
    }

    /** {@code data} itself, or its decompressed content when it is gzip data; {@code name} is used in messages. */
    static byte[] decompressIfGzip(byte[] data, String name) {
        return isGzip(data) ? gunzip(data, name) : data;
    }

    private static byte[] gunzip(byte[] gz, String name) {
        byte[] out = new byte[initialCapacity(gz)];
        int filled = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            while (true) {
                if (filled == out.length) {
                    // Probe one byte before growing: with an exact ISIZE hint the array is already full at the end.
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    out = Arrays.copyOf(out, grow(out.length, name));
                    out[filled++] = (byte) next;
                }
                int n = in.read(out, filled, out.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (EOFException e) {
            throw new BadInputException(name + ": truncated gzip data: the compressed stream ends after "
                    + filled + " decompressed bytes");
        } catch (ZipException e) {
            throw new BadInputException(name + ": corrupt gzip data after " + filled + " decompressed bytes ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot decompress after " + filled + " bytes: " + e);
        }
        return filled == out.length ? out : Arrays.copyOf(out, filled);
    }

    /**
     * The gzip trailer's ISIZE (uncompressed size mod 2^32) lets single-member files decompress without copying.
     * A truncated file's "trailer" is arbitrary data, so the hint is trusted only up to 16 times the compressed size.
     */
    private static int initialCapacity(byte[] gz) {
        long plausibleMax = Math.min(16L * gz.length, Integer.MAX_VALUE - 16L);
        if (gz.length < GZIP_TRAILER_BYTES + 10) {
            return (int) plausibleMax;
        }
        int p = gz.length - 4;
        long size = (gz[p] & 0xFFL) | (gz[p + 1] & 0xFFL) << 8 | (gz[p + 2] & 0xFFL) << 16 | (gz[p + 3] & 0xFFL) << 24;
        return (int) (size > 0 && size <= plausibleMax ? size : Math.min(4L * gz.length, plausibleMax));
    }

    private static int grow(int length, String name) {
        long bigger = Math.min(2L * length + 1, Integer.MAX_VALUE - 16L);
        if (bigger <= length) {
            throw new BadInputException(name + ": decompresses to more than " + length + " bytes, too large to load");
        }
        return (int) bigger;
    }
}
