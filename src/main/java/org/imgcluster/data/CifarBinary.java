package org.imgcluster.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One file of the CIFAR-10 binary version: records of 1 label byte + 3,072 pixel bytes (R, G, B planes). */
final class CifarBinary {
    static final int RECORD_BYTES = 1 + CifarLoader.IMAGE_BYTES;

    private CifarBinary() {
    }

    static CifarLoader.CifarBatch read(Path file, List<String> classNames) {
        byte[] data = FileBytes.read(file);
        if (data.length == 0 || data.length % RECORD_BYTES != 0) {
            int complete = data.length / RECORD_BYTES;
            throw new BadInputException(file + ": " + data.length + " bytes is not a whole number of " + RECORD_BYTES
                    + "-byte records: record " + complete + " at byte offset " + (complete * RECORD_BYTES)
                    + " has " + (data.length - complete * RECORD_BYTES) + " bytes");
        }
        int count = data.length / RECORD_BYTES;
        int[] index = PlanarLayout.channelsLastIndex(CifarLoader.SIDE, CifarLoader.SIDE, CifarLoader.CHANNELS);
        byte[] pixels = new byte[count * CifarLoader.IMAGE_BYTES];
        int[] labels = new int[count];
        for (int r = 0; r < count; r++) {
            int offset = r * RECORD_BYTES;
            labels[r] = data[offset] & 0xFF;
            if (labels[r] >= classNames.size()) {
                throw new BadInputException(file + ": label " + labels[r] + " of record " + r + " (byte offset " + offset
                        + ") is outside 0.." + (classNames.size() - 1));
            }
            PlanarLayout.copyToChannelsLast(data, offset + 1, pixels, r * CifarLoader.IMAGE_BYTES, index);
        }
        return new CifarLoader.CifarBatch(pixels, labels);
    }

    /** batches.meta.txt: one class name per line; blank lines (the official file ends with some) are skipped. */
    static List<String> readClassNames(Path meta) {
        List<String> names = new String(FileBytes.read(meta), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        return names.isEmpty() ? CifarLoader.DEFAULT_CLASS_NAMES : names;
    }
}
