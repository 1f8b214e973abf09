package org.imgcluster.data;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Reproducible random image sets for round-trip tests. */
final class RandomImages {
    private RandomImages() {
    }

    /** {@code count} images of uniform random bytes, labels uniform in 0..classes-1 (unlabeled when classes is 0). */
    static ImageSet create(int count, int height, int width, int channels, int classes, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * height * width * channels];
        random.nextBytes(pixels);
        int[] labels = classes == 0 ? null : IntStream.range(0, count).map(i -> random.nextInt(classes)).toArray();
        List<String> names = IntStream.range(0, classes).mapToObj(k -> "class" + k).toList();
        return new ImageSet(pixels, count, height, width, channels, labels, names, "random(seed " + seed + ")");
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) of the set. */
    static ImageSet slice(ImageSet set, int from, int to) {
        return set.select(IntStream.range(from, to).toArray(), set.source() + "[" + from + ":" + to + "]");
    }
}
