package org.imgcluster.features;

import java.util.List;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Subsample;

/** Which training rows an O(n²) embedding keeps: all of them when they fit under its limit, else a drawn subsample. */
final class SubsampleRows {
    private SubsampleRows() {
    }

    /**
     * All of 0..n-1 when n ≤ {@code limit}; otherwise {@code limit} rows drawn as {@link Subsample#stratifiedIndices}
     * draws images (stratified by {@code labels}, uniform when they are null), ascending, so an embedding and a data
     * subsample taken with the same seed pick the same rows.
     */
    static int[] choose(int n, int[] labels, int limit, long seed) {
        if (labels != null && labels.length != n) {
            throw new BadInputException(labels.length + " labels for " + n + " rows");
        }
        if (n <= limit) {
            return IntStream.range(0, n).toArray();
        }
        // Subsample draws from image sets; blank one-pixel images carrying these labels let it draw rows instead.
        ImageSet blank = new ImageSet(new byte[n], n, 1, 1, 1, labels, List.of(), "the rows to embed");
        return Subsample.stratifiedIndices(blank, limit, seed);
    }
}
