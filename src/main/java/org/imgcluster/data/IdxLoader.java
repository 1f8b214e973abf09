package org.imgcluster.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: big-endian header (magic 00 00 08 ndims, then one 32-bit size
 * per dimension) followed by the unsigned bytes, gzip-compressed or raw. Images are N×rows×cols, labels N.
 */
public final class IdxLoader {
    private static final Logger LOG = LoggerFactory.getLogger(IdxLoader.class);
    private static final int UNSIGNED_BYTE_TYPE = 0x08;

    private IdxLoader() {
    }

    /**
     * @param labels     the labels file, or null for an unlabeled set
     * @param classNames names of the classes; labels must lie in 0..size-1. Null or empty: "0".."max label".
     */
    public static ImageSet load(Path images, Path labels, List<String> classNames) {
        byte[] imageFile = FileBytes.readRaw(images);
        byte[] labelFile = labels == null ? null : FileBytes.readRaw(labels);
        return load(imageFile, images.toString(), labelFile, labels == null ? null : labels.toString(),
                classNames, images.toString());
    }

    /**
     * The same for files already read into memory (such as copies embedded in the jar).
     *
     * @param imageName  how messages name the images file
     * @param labelFile  the labels file's bytes, or null for an unlabeled set
     * @param source     where the set came from, kept in {@link ImageSet#source()}
     */
    public static ImageSet load(byte[] imageFile, String imageName, byte[] labelFile, String labelName,
                                List<String> classNames, String source) {
        long start = System.nanoTime();
        IdxArray images = IdxArray.parse(FileBytes.decompressIfGzip(imageFile, imageName), imageName, IdxKind.IMAGES);
        int count = images.dims[0];
        byte[] pixels = Arrays.copyOfRange(images.file, images.payloadOffset, images.file.length);
        int[] labels = labelFile == null ? null
                : readLabels(FileBytes.decompressIfGzip(labelFile, labelName), labelName, count, imageName, classNames);
        List<String> names = labels == null ? List.of() : ClassNames.orNumbered(classNames, labels);
        ImageSet set = new ImageSet(pixels, count, images.dims[1], images.dims[2], 1, labels, names, source);
        LOG.debug("loaded {} in {} ms", set, (System.nanoTime() - start) / 1_000_000);
        return set;
    }

    private static int[] readLabels(byte[] file, String name, int imageCount, String imageName,
                                    List<String> classNames) {
        IdxArray array = IdxArray.parse(file, name, IdxKind.LABELS);
        int count = array.dims[0];
        if (count != imageCount) {
            throw new BadInputException(name + ": " + count + " labels (count at byte offset 4) for "
                    + imageCount + " images in " + imageName);
        }
        int limit = classNames == null || classNames.isEmpty() ? 256 : classNames.size();
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = array.file[array.payloadOffset + i] & 0xFF;
            if (label >= limit) {
                throw new BadInputException(name + ": label " + label + " at index " + i + " (byte offset "
                        + (array.payloadOffset + i) + ") is outside 0.." + (limit - 1));
            }
            labels[i] = label;
        }
        return labels;
    }

    /** The two IDX files of a dataset: what they hold and how many dimensions their header gives. */
    private enum IdxKind {
        IMAGES("image", 3, "3 dimensions: an image file"),
        LABELS("label", 1, "1 dimension: a label file");

        final String item;
        final int dims;
        final String magicMeaning;

        IdxKind(String item, int dims, String magicMeaning) {
            this.item = item;
            this.dims = dims;
            this.magicMeaning = magicMeaning;
        }

        int headerBytes() {
            return 4 + 4 * dims;
        }
    }

    /** A checked IDX file of unsigned bytes: its dimensions and where its payload starts. */
    private record IdxArray(byte[] file, int[] dims, int payloadOffset) {
        static IdxArray parse(byte[] file, String name, IdxKind kind) {
            checkMagic(file, name, kind);
            if (file.length < kind.headerBytes()) {
                throw new BadInputException(name + ": truncated IDX header: the file has " + file.length
                        + " bytes, the header needs " + kind.headerBytes());
            }
            int[] dims = readDimensions(file, name, kind);
            checkLength(file, name, kind, dims);
            return new IdxArray(file, dims, kind.headerBytes());
        }

        private static void checkMagic(byte[] file, String name, IdxKind kind) {
            if (file.length < 4 || file[0] != 0 || file[1] != 0 || (file[2] & 0xFF) != UNSIGNED_BYTE_TYPE
                    || file[3] != kind.dims) {
                throw new BadInputException(name + ": bad IDX magic at byte offset 0: expected 00 00 08 0" + kind.dims
                        + " (unsigned bytes, " + kind.magicMeaning + "), found " + hex(file, 4));
            }
        }

        private static int[] readDimensions(byte[] file, String name, IdxKind kind) {
            int[] dims = new int[kind.dims];
            long product = 1;
            for (int k = 0; k < kind.dims; k++) {
                int offset = 4 + 4 * k;
                dims[k] = bigEndianInt(file, offset);
                // An empty file of images is well-formed; an image without rows or columns is not.
                if (dims[k] < (k == 0 ? 0 : 1)) {
                    throw new BadInputException(name + ": dimension " + (k + 1) + " at byte offset " + offset
                            + " is " + dims[k] + ", which cannot be a size");
                }
                if (dims[k] > 0 && product > Long.MAX_VALUE / dims[k]) {
                    throw new BadInputException(name + ": the dimensions in the header (byte offsets 4.."
                            + (kind.headerBytes() - 1) + ") multiply to far more than the file's " + file.length
                            + " bytes");
                }
                product *= dims[k];
            }
            return dims;
        }

        /** The header's dimensions must account for every byte of the file, no more and no less. */
        private static void checkLength(byte[] file, String name, IdxKind kind, int[] dims) {
            long itemBytes = kind == IdxKind.IMAGES ? (long) dims[1] * dims[2] : 1;
            long expectedLength = kind.headerBytes() + dims[0] * itemBytes;
            String described = dims[0] + " " + kind.item + "s" + (kind == IdxKind.IMAGES ? " of " + dims[1] + "x" + dims[2] : "")
                    + " (" + expectedLength + " bytes in all)";
            if (file.length < expectedLength) {
                long item = (file.length - kind.headerBytes()) / itemBytes;
                long itemStart = kind.headerBytes() + item * itemBytes;
                String where = itemStart == file.length
                        ? "before " + kind.item + " " + item
                        : "inside " + kind.item + " " + item + " (which starts at byte offset " + itemStart + ")";
                throw new BadInputException(name + ": truncated: the header says " + described + " but the file has "
                        + file.length + " bytes; the data stops at byte offset " + file.length + ", " + where);
            }
            if (file.length > expectedLength) {
                throw new BadInputException(name + ": the header says " + described + " but the file has "
                        + file.length + " bytes: " + (file.length - expectedLength)
                        + " unexpected bytes from byte offset " + expectedLength);
            }
        }

        private static int bigEndianInt(byte[] b, int offset) {
            return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8
                    | (b[offset + 3] & 0xFF);
        }

        private static String hex(byte[] b, int count) {
            if (b.length == 0) {
                return "an empty file";
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Math.min(count, b.length); i++) {
                s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xFF));
            }
            return s.toString();
        }
    }
}
