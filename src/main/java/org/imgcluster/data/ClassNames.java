package org.imgcluster.data;

import java.util.ArrayList;
import java.util.List;

/** Class names for files that store only label numbers. */
final class ClassNames {
    private ClassNames() {
    }

    /** The given names, or "0".."max label" when none were given (null or empty). */
    static List<String> orNumbered(List<String> given, int[] labels) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        List<String> names = new ArrayList<>(max + 1);
        for (int k = 0; k <= max; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }
}
