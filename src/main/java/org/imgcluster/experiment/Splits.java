package org.imgcluster.experiment;

import java.util.Locale;

import org.imgcluster.data.ImageSet;

/** How EDA names the split it analyses and the one it compares with, and counts their classes alike. */
final class Splits {
    private Splits() {
    }

    /**
     * "train" or "test" when the source names a split the usual way (MNIST's train-/t10k- files, CIFAR's
     * data_batch/test_batch), else the source's last path element.
     */
    static String name(ImageSet set) {
        String source = set.source();
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf(':')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("train") || lower.contains("data_batch")) {
            return "train";
        }
        if (lower.contains("test") || lower.contains("t10k")) {
            return "test";
        }
        return name;
    }

    /** The other split's name, made distinct from the analysed one's so that legends and columns differ. */
    static String otherName(ImageSet primary, ImageSet other) {
        String name = name(other);
        return name.equals(name(primary)) ? "other split" : name;
    }

    /** Whether there is another split whose classes can be compared. */
    static boolean comparable(ImageSet other) {
        return other != null && other.hasLabels();
    }

    /** Images per label 0..numClasses-1 (a split may lack the last labels, which then count 0). */
    static int[] classCounts(ImageSet set, int numClasses) {
        int[] own = set.classCounts();
        int[] counts = new int[numClasses];
        System.arraycopy(own, 0, counts, 0, Math.min(numClasses, own.length));
        return counts;
    }
}
