package org.imgcluster.data;

import java.util.Locale;

/** Which part of a dataset: the training images or the held-out test images. */
public enum Split {
    TRAIN,
    TEST;

    /** "train" or "test", as users write it in configs and on the command line. */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads "train" or "test" (any case, surrounding blanks ignored). */
    public static Split parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Split split : values()) {
            if (split.lowerName().equals(wanted)) {
                return split;
            }
        }
        throw new BadInputException("unknown split '" + text + "': expected train or test");
    }

    @Override
    public String toString() {
        return lowerName();
    }
}
