package org.imgcluster.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * N images as unsigned bytes, each H×W×C stored channels-last (pixel (r, c), channel ch of image i at
 * {@code i*H*W*C + (r*W + c)*C + ch}), with optional labels and class names, and a note of where they came from.
 * Immutable: the arrays handed in are owned by the set and never exposed for writing.
 */
public final class ImageSet {
    private final byte[] pixels;
    private final int size;
    private final int height;
    private final int width;
    private final int channels;
    private final int[] labels;
    private final List<String> classNames;
    private final String source;

    /**
     * @param pixels     size×height×width×channels bytes, channels-last; taken over, not copied
     * @param labels     one label per image in 0..classNames.size()-1, or null when unlabeled; taken over
     * @param classNames names of the classes (may be empty when unlabeled)
     * @param source     where the images came from (file, folder or "embedded:..."), for logs and provenance
     */
    public ImageSet(byte[] pixels, int size, int height, int width, int channels, int[] labels,
                    List<String> classNames, String source) {
        if (size < 0 || height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad image set shape " + size + "x" + height + "x" + width + "x" + channels);
        }
        if ((long) size * height * width * channels != pixels.length) {
            throw new IllegalArgumentException("pixel array has " + pixels.length + " bytes, expected "
                    + ((long) size * height * width * channels));
        }
        if (labels != null) {
            if (labels.length != size) {
                throw new IllegalArgumentException(labels.length + " labels for " + size + " images");
            }
            for (int i = 0; i < size; i++) {
                if (labels[i] < 0 || (!classNames.isEmpty() && labels[i] >= classNames.size())) {
                    throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                            + " is outside 0.." + (classNames.size() - 1));
                }
            }
        }
        this.pixels = pixels;
        this.size = size;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.source = Objects.requireNonNull(source);
    }

    public int size() {
        return size;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** Values per image: H·W·C (784 for MNIST, 3,072 for CIFAR-10). */
    public int imageLength() {
        return height * width * channels;
    }

    public String source() {
        return source;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int label(int i) {
        if (labels == null) {
            throw new IllegalStateException("image set from " + source + " has no labels");
        }
        return labels[i];
    }

    /** A copy of the labels, or null when unlabeled. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** Unsigned value 0..255 of value {@code j} (0 ≤ j < imageLength()) of image {@code i}. */
    public int value(int i, int j) {
        return pixels[i * imageLength() + j] & 0xFF;
    }

    /** A copy of image {@code i}'s bytes, channels-last. */
    public byte[] image(int i) {
        int len = imageLength();
        return Arrays.copyOfRange(pixels, i * len, (i + 1) * len);
    }

    /** A copy of all pixel bytes, channels-last, image after image. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** Images scaled to [0, 1] as one row-major size×imageLength() float array (the notebooks' X / 255). */
    public float[] toUnitFloats() {
        float[] out = new float[pixels.length];
        for (int k = 0; k < pixels.length; k++) {
            out[k] = (pixels[k] & 0xFF) / 255f;
        }
        return out;
    }

    /** The images at the given indices, in that order, with their labels. */
    public ImageSet select(int[] indices, String newSource) {
        int len = imageLength();
        byte[] px = new byte[indices.length * len];
        int[] lb = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * len, px, k * len, len);
            if (lb != null) {
                lb[k] = labels[indices[k]];
            }
        }
        return new ImageSet(px, indices.length, height, width, channels, lb, classNames, newSource);
    }

    /**
     * The images of several sets one after another (a dataset's train and test splits as one set); they must agree on
     * image shape, class names and on having labels.
     */
    public static ImageSet concat(List<ImageSet> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        ImageSet first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        int total = 0;
        for (ImageSet p : parts) {
            if (p.height != first.height || p.width != first.width || p.channels != first.channels
                    || !p.classNames.equals(first.classNames) || p.hasLabels() != first.hasLabels()) {
                throw new BadInputException(p.source + " (" + p + ") does not match " + first.source + " (" + first
                        + ")");
            }
            total = Math.addExact(total, p.size);
        }
        byte[] px = new byte[Math.multiplyExact(total, first.imageLength())];
        int[] lb = first.hasLabels() ? new int[total] : null;
        int at = 0;
        for (ImageSet p : parts) {
            System.arraycopy(p.pixels, 0, px, at * first.imageLength(), p.pixels.length);
            if (lb != null) {
                System.arraycopy(p.labels, 0, lb, at, p.size);
            }
            at += p.size;
        }
        String source = parts.stream().map(ImageSet::source).collect(Collectors.joining(" + "));
        return new ImageSet(px, total, first.height, first.width, first.channels, lb, first.classNames, source);
    }

    /** Number of images per class (length numClasses()), or null when unlabeled. */
    public int[] classCounts() {
        if (labels == null) {
            return null;
        }
        int[] counts = new int[Math.max(numClasses(), Arrays.stream(labels).max().orElse(-1) + 1)];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return size + " images " + height + "x" + width + "x" + channels
                + (labels == null ? ", unlabeled" : ", " + numClasses() + " classes") + " from " + source;
    }
}
