package org.imgcluster.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kaggle-style image CSVs: one image per line, comma-separated integers, optionally gzip-compressed.
 * <ul>
 *   <li>Header: detected when a field of the first line is not a number. The label is the column named
 *       {@code label} (any position, any case); without one the file is unlabeled. Pixel columns keep their
 *       order, whatever they are called ({@code pixel0..}, {@code pixel1..}).</li>
 *   <li>No header: a column count that is a pixel count means unlabeled; a pixel count plus one means the
 *       label comes first (785 for 28×28, 3,073 for 32×32×3).</li>
 *   <li>Shape from the pixel count: 784 → 28×28×1, 3,072 → 32×32×3 stored as the R plane, then G, then B
 *       (as the CIFAR CSVs do), any other square s² → s×s×1.</li>
 *   <li>Values: integers 0..255; a whole number written as a decimal ("12.0", from pandas float columns) is
 *       accepted, a fraction ("12.5") is an error. Labels: 0..classNames-1, or 0..999 without class names.
 *       Blank lines are skipped.</li>
 * </ul>
 */
public final class CsvLoader {
    /** Labels above this need class names: a larger number is more likely a pixel column read as a label. */
    static final int MAX_CLASSES_WITHOUT_NAMES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);
    private static final byte[][] DECIMAL = decimalStrings();

    private CsvLoader() {
    }

    /** Loads with class names "0".."max label". */
    public static ImageSet load(Path file) {
        return load(file, List.of());
    }

    /** @param classNames names of the classes; labels must lie in 0..size-1. Null or empty: "0".."max label". */
    public static ImageSet load(Path file, List<String> classNames) {
        long start = System.nanoTime();
        ImageSet set = new CsvParser(FileBytes.read(file), file.toString()).parse(classNames);
        LOG.debug("loaded {} in {} ms", set, (System.nanoTime() - start) / 1_000_000);
        return set;
    }

    /**
     * Writes the Kaggle layout: header {@code label,pixel1..pixelN} ({@code pixel1..pixelN} when unlabeled),
     * then one row per image, label numbers not names. Colour 32×32×3 images are written plane after plane, as
     * {@link #load} reads them. Atomic: the file appears complete or not at all.
     */
    public static void write(ImageSet set, Path file) {
        CsvImageShape shape = CsvImageShape.of(set);
        if (shape == null) {
            throw new BadInputException("cannot write " + set.height() + "x" + set.width() + "x" + set.channels()
                    + " images to " + file + ": a CSV holds square grey images or 32x32x3 colour images");
        }
        writeAtomically(file, out -> writeRows(set, shape, out));
    }

    private static void writeRows(ImageSet set, CsvImageShape shape, OutputStream out) throws IOException {
        int pixelCount = shape.pixelCount();
        StringBuilder header = new StringBuilder(set.hasLabels() ? "label," : "");
        for (int j = 1; j <= pixelCount; j++) {
            header.append("pixel").append(j).append(j < pixelCount ? "," : "\n");
        }
        out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
        int[] source = shape.channelsLastIndex();
        for (int i = 0; i < set.size(); i++) {
            byte[] image = set.image(i);
            if (set.hasLabels()) {
                out.write(Integer.toString(set.label(i)).getBytes(StandardCharsets.US_ASCII));
                out.write(',');
            }
            for (int j = 0; j < pixelCount; j++) {
                out.write(DECIMAL[image[source[j]] & 0xFF]);
                out.write(j < pixelCount - 1 ? ',' : '\n');
            }
        }
    }

    /** Through {@link AtomicFiles}, with an I/O failure reported as bad input naming the file. */
    private static void writeAtomically(Path file, AtomicFiles.Content writer) {
        try {
            AtomicFiles.write(file, writer);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e, e);
        }
    }

    private static byte[][] decimalStrings() {
        byte[][] strings = new byte[256][];
        for (int v = 0; v < 256; v++) {
            strings[v] = Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
        }
        return strings;
    }
}
