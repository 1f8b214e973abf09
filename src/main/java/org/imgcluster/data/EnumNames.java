package org.imgcluster.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Enum constants under the lower-case names that configs, the command line and model files write them with. */
public final class EnumNames {
    private EnumNames() {
    }

    /** The constant's name in lower case, e.g. {@code accelerated_cd}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Every constant's name, in declaration order. */
    public static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumNames::of).toList();
    }

    /** Every constant's name, comma-separated, in declaration order. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", all(type));
    }

    /**
     * The constant of {@code type} named {@code text} (any case, surrounding blanks ignored); otherwise a one-line
     * error naming the key, the value and the allowed names.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String key, String text) {
        String wanted = text == null ? "" : text.strip();
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new BadInputException(key + " = '" + text + "' is not one of " + allowed(type));
    }
}
