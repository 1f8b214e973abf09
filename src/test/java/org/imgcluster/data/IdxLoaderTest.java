package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Three 2×3 images with values 0..17 and labels 7, 0, 9. */
    private static final byte[] PIXELS = payload(18);
    private static final byte[] IMAGES = idx(new int[] {3, 2, 3}, PIXELS);
    private static final byte[] LABELS = idx(new int[] {3}, new byte[] {7, 0, 9});

    @TempDir
    Path dir;

    @Test
    void readsRawFilesWithLabels() {
        ImageSet set = IdxLoader.load(IMAGES, "imgs", LABELS, "lbls", DIGITS, "test");

        assertThat(set.size()).isEqualTo(3);
        assertThat(new int[] {set.height(), set.width(), set.channels()}).containsExactly(2, 3, 1);
        assertThat(set.pixels()).isEqualTo(PIXELS);
        assertThat(set.labels()).containsExactly(7, 0, 9);
        assertThat(set.classNames()).isEqualTo(DIGITS);
        assertThat(set.source()).isEqualTo("test");
    }

    @Test
    void detectsGzipByItsMagicBytesNotByTheFileName() throws IOException {
        Path gzippedWithoutSuffix = Files.write(dir.resolve("images.idx"), gzip(IMAGES));
        Path rawWithGzSuffix = Files.write(dir.resolve("labels.gz"), LABELS);

        ImageSet set = IdxLoader.load(gzippedWithoutSuffix, rawWithGzSuffix, DIGITS);

        assertThat(set.pixels()).isEqualTo(PIXELS);
        assertThat(set.labels()).containsExactly(7, 0, 9);
        assertThat(set.source()).isEqualTo(gzippedWithoutSuffix.toString());
    }

    @Test
    void withoutLabelsTheSetIsUnlabeled() {
        ImageSet set = IdxLoader.load(gzip(IMAGES), "imgs", null, null, List.of(), "test");

        assertThat(set.hasLabels()).isFalse();
        assertThat(set.classNames()).isEmpty();
        assertThat(set.image(2)).containsExactly(12, 13, 14, 15, 16, 17);
    }

    @Test
    void withoutClassNamesTheyAreTheLabelNumbersUpToTheLargest() {
        ImageSet set = IdxLoader.load(IMAGES, "imgs", LABELS, "lbls", null, "test");

        assertThat(set.classNames()).isEqualTo(DIGITS);
    }

    @Test
    void rejectsAnImageFileWithTheLabelMagic() {
        assertThatThrownBy(() -> IdxLoader.load(LABELS, "imgs", LABELS, "lbls", DIGITS, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("imgs: bad IDX magic at byte offset 0: expected 00 00 08 03 (unsigned bytes, 3 dimensions:"
                        + " an image file), found 00 00 08 01");
    }

    @Test
    void rejectsALabelFileWithTheImageMagic() {
        assertThatThrownBy(() -> IdxLoader.load(IMAGES, "imgs", IMAGES, "lbls", DIGITS, "test"))
                .hasMessage("lbls: bad IDX magic at byte offset 0: expected 00 00 08 01 (unsigned bytes, 1 dimension:"
                        + " a label file), found 00 00 08 03");
    }

    @Test
    void rejectsAnotherElementType() {
        byte[] floats = IMAGES.clone();
        floats[2] = 0x0D;

        assertThatThrownBy(() -> IdxLoader.load(floats, "imgs", null, null, DIGITS, "test"))
                .hasMessageEndingWith("found 00 00 0d 03");
    }

    @Test
    void rejectsATruncatedHeader() {
        assertThatThrownBy(() -> IdxLoader.load(Arrays.copyOf(IMAGES, 10), "imgs", null, null, DIGITS, "test"))
                .hasMessage("imgs: truncated IDX header: the file has 10 bytes, the header needs 16");
    }

    @Test
    void rejectsATruncatedPayloadNamingTheCutImage() {
        assertThatThrownBy(() -> IdxLoader.load(Arrays.copyOf(IMAGES, 16 + 8), "imgs", null, null, DIGITS, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("imgs: truncated: the header says 3 images of 2x3 (34 bytes in all) but the file has 24"
                        + " bytes; the data stops at byte offset 24, inside image 1 (which starts at byte offset 22)");
    }

    @Test
    void rejectsATruncatedLabelFileNamingTheMissingLabel() {
        assertThatThrownBy(() -> IdxLoader.load(IMAGES, "imgs", Arrays.copyOf(LABELS, 10), "lbls", DIGITS, "test"))
                .hasMessage("lbls: truncated: the header says 3 labels (11 bytes in all) but the file has 10 bytes;"
                        + " the data stops at byte offset 10, before label 2");
    }

    @Test
    void rejectsAFileLongerThanItsHeaderSays() {
        byte[] longer = Arrays.copyOf(IMAGES, IMAGES.length + 5);

        assertThatThrownBy(() -> IdxLoader.load(longer, "imgs", null, null, DIGITS, "test"))
                .hasMessage("imgs: the header says 3 images of 2x3 (34 bytes in all) but the file has 39 bytes:"
                        + " 5 unexpected bytes from byte offset 34");
    }

    @Test
    void rejectsHeaderDimensionsTooLargeForAnyFile() {
        byte[] huge = idx(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[0]);

        assertThatThrownBy(() -> IdxLoader.load(huge, "imgs", null, null, DIGITS, "test"))
                .hasMessage("imgs: the dimensions in the header (byte offsets 4..15) multiply to far more than the"
                        + " file's 16 bytes");
    }

    @Test
    void rejectsANegativeDimension() {
        byte[] negative = idx(new int[] {3, -2, 3}, PIXELS);

        assertThatThrownBy(() -> IdxLoader.load(negative, "imgs", null, null, DIGITS, "test"))
                .hasMessage("imgs: dimension 2 at byte offset 8 is -2, which cannot be a size");
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheImageCount() {
        byte[] twoLabels = idx(new int[] {2}, new byte[] {1, 2});

        assertThatThrownBy(() -> IdxLoader.load(IMAGES, "imgs", twoLabels, "lbls", DIGITS, "test"))
                .hasMessage("lbls: 2 labels (count at byte offset 4) for 3 images in imgs");
    }

    @Test
    void rejectsALabelOutsideTheClasses() {
        byte[] badLabel = idx(new int[] {3}, new byte[] {7, 10, 9});

        assertThatThrownBy(() -> IdxLoader.load(IMAGES, "imgs", badLabel, "lbls", DIGITS, "test"))
                .hasMessage("lbls: label 10 at index 1 (byte offset 9) is outside 0..9");
    }

    @Test
    void rejectsTruncatedGzip() {
        byte[] gz = gzip(IMAGES);

        assertThatThrownBy(() -> IdxLoader.load(Arrays.copyOf(gz, gz.length - 12), "imgs.gz", null, null, DIGITS, "t"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("imgs.gz: truncated gzip data: the compressed stream ends after ")
                .hasMessageEndingWith(" decompressed bytes");
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] gz = gzip(IMAGES);
        gz[gz.length - 6] ^= 0x55; // inside the CRC-32 of the trailer

        assertThatThrownBy(() -> IdxLoader.load(gz, "imgs.gz", null, null, DIGITS, "t"))
                .hasMessage("imgs.gz: corrupt gzip data after 34 decompressed bytes (Corrupt GZIP trailer)");
    }

    @Test
    void aMissingFileIsTheUsersToFix() {
        Path missing = dir.resolve("nope-idx3-ubyte.gz");

        assertThatThrownBy(() -> IdxLoader.load(missing, null, DIGITS))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    static byte[] idx(int[] dims, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        buf.put(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) {
            buf.putInt(d);
        }
        return buf.put(payload).array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] payload(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
}
