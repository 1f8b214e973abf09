package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SubsampleTest {
    /** 1,000 images: 500 of class 0, 300 of class 1, 200 of class 2, interleaved; image i holds the value i % 256. */
    private static final ImageSet SKEWED = skewed();

    @Test
    void keepsTheClassProportions() {
        ImageSet sample = Subsample.stratified(SKEWED, 100, 7);

        assertThat(sample.size()).isEqualTo(100);
        assertThat(sample.classCounts()).containsExactly(50, 30, 20);
    }

    @Test
    void roundsQuotasByLargestRemainder() {
        // 7 of 1,000: exact shares 3.5, 2.1, 1.4 → floors 3, 2, 1 and the spare place to the 0.5.
        assertThat(Subsample.stratified(SKEWED, 7, 1).classCounts()).containsExactly(4, 2, 1);
        assertThat(Subsample.largestRemainderQuotas(new int[] {1, 1, 1}, 2)).containsExactly(1, 1, 0);
        assertThat(Subsample.largestRemainderQuotas(new int[] {10, 0, 5}, 3)).containsExactly(2, 0, 1);
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        ImageSet first = Subsample.stratified(SKEWED, 100, 42);
        ImageSet again = Subsample.stratified(SKEWED, 100, 42);
        ImageSet other = Subsample.stratified(SKEWED, 100, 43);

        assertThat(again.pixels()).isEqualTo(first.pixels());
        assertThat(again.labels()).isEqualTo(first.labels());
        assertThat(other.pixels()).isNotEqualTo(first.pixels());
        assertThat(other.classCounts()).containsExactly(50, 30, 20);
    }

    @Test
    void drawsDistinctImagesInTheirOriginalOrder() {
        ImageSet sample = Subsample.stratified(distinctImages(), 300, 5);

        int[] ids = IntStream.range(0, sample.size()).map(i -> sample.value(i, 0) * 256 + sample.value(i, 1)).toArray();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void unlabeledSetsAreSampledUniformly() {
        ImageSet unlabeled = RandomImages.create(500, 4, 4, 1, 0, 3);

        ImageSet sample = Subsample.stratified(unlabeled, 50, 9);

        assertThat(sample.size()).isEqualTo(50);
        assertThat(sample.hasLabels()).isFalse();
        assertThat(Subsample.stratified(unlabeled, 50, 9).pixels()).isEqualTo(sample.pixels());
    }

    @Test
    void theWholeSetIsAllowed() {
        assertThat(Subsample.stratified(SKEWED, 1000, 1).pixels()).isEqualTo(SKEWED.pixels());
    }

    @Test
    void sizesOutsideOneToTheSetSizeAreRefused() {
        assertThatThrownBy(() -> Subsample.stratified(SKEWED, 1001, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage("subsample: n = 1001 is outside the allowed range 1..1000 (the size of skewed)");
        assertThatThrownBy(() -> Subsample.stratified(SKEWED, 0, 1))
                .hasMessageStartingWith("subsample: n = 0 is outside the allowed range 1..1000");
    }

    private static ImageSet skewed() {
        int[] labels = IntStream.range(0, 1000).map(i -> i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2).toArray();
        byte[] pixels = new byte[1000 * 4];
        for (int i = 0; i < 1000; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
        }
        return new ImageSet(pixels, 1000, 2, 2, 1, labels, List.of("a", "b", "c"), "skewed");
    }

    /** Image i starts with the bytes i / 256, i % 256, so each image can be identified. */
    private static ImageSet distinctImages() {
        int n = 1000;
        byte[] pixels = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            pixels[i * 4] = (byte) (i / 256);
            pixels[i * 4 + 1] = (byte) (i % 256);
        }
        return new ImageSet(pixels, n, 2, 2, 1, SKEWED.labels(), SKEWED.classNames(), "distinct");
    }
}
