package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How agglomerative clustering measures the distance between two clusters, named as scikit-learn names it. */
enum Linkage {
    WARD, COMPLETE, AVERAGE, SINGLE;

    static Linkage parse(String name) {
        for (Linkage linkage : values()) {
            if (linkage.label().equals(name)) {
                return linkage;
            }
        }
        throw new IllegalArgumentException("linkage = \"" + name + "\" is not one of "
                + Arrays.stream(values()).map(Linkage::label).collect(Collectors.joining(", ")));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
