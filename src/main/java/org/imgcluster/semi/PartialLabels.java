package org.imgcluster.semi;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.imgcluster.linalg.RandomRows;

/**
 * The true labels of a seeded random subset of the points, the others {@link LabelSpreading#UNLABELED}: the
 * semi-supervised setting of the MNIST notebook, and what label spreading is scored on (the hidden points).
 */
public record PartialLabels(int[] truth, int[] given) {
    /** Keeps the labels of {@code count} distinct points drawn with {@code seed}; hides the rest. */
    public static PartialLabels keep(int[] truth, int count, long seed) {
        int[] given = new int[truth.length];
        Arrays.fill(given, LabelSpreading.UNLABELED);
        for (int i : RandomRows.distinct(new SplittableRandom(seed), truth.length, count)) {
            given[i] = truth[i];
        }
        return new PartialLabels(truth, given);
    }

    /** The share of the hidden points whose predicted label is their true one; NaN when none is hidden. */
    public double accuracyOnHidden(int[] predicted) {
        int hidden = 0;
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (given[i] == LabelSpreading.UNLABELED) {
                hidden++;
                right += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        return hidden == 0 ? Double.NaN : (double) right / hidden;
    }
}
