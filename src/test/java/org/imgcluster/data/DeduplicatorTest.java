package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class DeduplicatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(DeduplicatorTest.class);

    @TempDir
    Path dir;

    @Test
    void removesFortyThreePlantedDuplicatesFromAWrittenCsvKeepingTheFirstOccurrences() {
        ImageSet original = RandomImages.create(1000, 28, 28, 1, 10, 11);
        Random random = new Random(12);
        List<Integer> order = new ArrayList<>(IntStream.range(0, 1000).boxed().toList());
        for (int copy = 0; copy < 43; copy++) {
            int position = 1 + random.nextInt(order.size());
            order.add(position, order.get(random.nextInt(position)));
        }
        ImageSet withCopies = original.select(order.stream().mapToInt(Integer::intValue).toArray(), "planted");
        Path csv = dir.resolve("train.csv");
        CsvLoader.write(withCopies, csv);

        Deduplicator.Result result = Deduplicator.dropDuplicates(CsvLoader.load(csv));

        assertThat(result.removedCount()).isEqualTo(43);
        assertThat(result.conflicts()).isZero();
        assertThat(result.kept().size()).isEqualTo(1000);
        int[] keptOrder = IntStream.range(0, order.size())
                .filter(i -> IntStream.of(result.removedIndices()).noneMatch(r -> r == i))
                .map(order::get).toArray();
        assertThat(keptOrder).doesNotHaveDuplicates().hasSize(1000);
        assertThat(result.kept().pixels()).isEqualTo(original.select(keptOrder, "expected").pixels());
        assertThat(result.removedIndices()).isSorted();
        assertThat(IntStream.of(result.removedIndices())).allMatch(i -> order.subList(0, i).contains(order.get(i)));
    }

    @Test
    void samePixelsUnderAnotherLabelIsAConflictNotADuplicate() {
        byte[] a = {1, 2, 3, 4};
        byte[] b = {9, 9, 9, 9};
        ImageSet set = new ImageSet(concat(a, b, a, a, a, b), 6, 2, 2, 1, new int[] {0, 1, 1, 0, 1, 1},
                List.of("x", "y"), "conflicts");

        Deduplicator.Result result = Deduplicator.dropDuplicates(set);

        assertThat(result.removedIndices()).containsExactly(3, 4, 5);
        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.kept().labels()).containsExactly(0, 1, 1);
        assertThat(result.kept().pixels()).isEqualTo(concat(a, b, a));
    }

    @Test
    void withoutLabelsPixelsAloneDecide() {
        byte[] a = {1, 2, 3, 4};
        byte[] b = {4, 3, 2, 1};
        ImageSet set = new ImageSet(concat(a, b, b, a), 4, 2, 2, 1, null, List.of(), "unlabeled");

        Deduplicator.Result result = Deduplicator.dropDuplicates(set);

        assertThat(result.removedIndices()).containsExactly(2, 3);
        assertThat(result.conflicts()).isZero();
    }

    @Test
    void aSetWithoutDuplicatesComesBackAsItIs() {
        ImageSet set = RandomImages.create(100, 8, 8, 1, 3, 13);

        Deduplicator.Result result = Deduplicator.dropDuplicates(set);

        assertThat(result.kept()).isSameAs(set);
        assertThat(result.removedIndices()).isEmpty();
    }

    @Test
    void fashionMnistTrainIdxHasNoExactDuplicates() {
        Path fashion = TestData.sharedDatasets().resolve("fashion-mnist");
        ImageSet train = IdxLoader.load(fashion.resolve("train-images-idx3-ubyte.gz"),
                fashion.resolve("train-labels-idx1-ubyte.gz"), List.of());
        long start = System.nanoTime();

        Deduplicator.Result result = Deduplicator.dropDuplicates(train);

        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("60,000 images de-duplicated in {} ms", millis);
        assertThat(result.removedCount()).isZero();
        assertThat(result.conflicts()).isZero();
        assertThat(millis).as("time in ms (about 50 ms here)").isLessThan(1_000);
    }

    private static byte[] concat(byte[]... images) {
        byte[] all = new byte[images.length * images[0].length];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, all, i * images[0].length, images[0].length);
        }
        return all;
    }
}
