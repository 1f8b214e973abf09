package org.imgcluster.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the CIFAR-10 binary version exactly as the official archive holds it: per image one label byte, then
 * the 1,024 red values, the 1,024 green, the 1,024 blue, each plane row-major. Independent of the loader's code.
 */
public final class CifarBinaryWriter {
    private CifarBinaryWriter() {
    }

    static void writeBatch(Path file, ImageSet images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < images.size(); i++) {
            out.write(images.label(i));
            for (int ch = 0; ch < 3; ch++) {
                for (int row = 0; row < 32; row++) {
                    for (int col = 0; col < 32; col++) {
                        out.write(images.value(i, (row * 32 + col) * 3 + ch));
                    }
                }
            }
        }
        Files.write(file, out.toByteArray());
    }

    /** batches.meta.txt: one name per line, followed by blank lines as in the official file. */
    public static void writeMeta(Path file, List<String> classNames) throws IOException {
        Files.writeString(file, String.join("\n", classNames) + "\n\n", StandardCharsets.US_ASCII);
    }

    /** data_batch_1..5.bin with the set cut into five equal parts, or test_batch.bin. */
    public static void writeSplit(Path folder, Split split, ImageSet images) throws IOException {
        if (split == Split.TEST) {
            writeBatch(folder.resolve("test_batch.bin"), images);
            return;
        }
        int per = images.size() / 5;
        for (int k = 0; k < 5; k++) {
            writeBatch(folder.resolve("data_batch_" + (k + 1) + ".bin"), RandomImages.slice(images, k * per, (k + 1) * per));
        }
    }
}
