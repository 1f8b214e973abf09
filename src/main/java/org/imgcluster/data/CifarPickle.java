package org.imgcluster.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One file of the CIFAR-10 python version: a pickled dict with {@code data} (numpy uint8, N×3,072, each row the
 * R, G, B planes) and {@code labels} (a list of N ints). The official files were pickled by Python 2, so keys
 * arrive as str; re-pickled by Python 3 after {@code encoding='bytes'} they arrive as bytes. Both are accepted.
 */
final class CifarPickle {
    private CifarPickle() {
    }

    static CifarLoader.CifarBatch read(Path file, List<String> classNames) {
        Map<String, Object> dict = readDict(file);
        if (!(entry(dict, "data", file) instanceof NumpyPickle.NumpyArray array)) {
            throw new BadInputException(file + ": 'data' is a " + typeName(dict.get("data")) + ", expected a numpy array");
        }
        int[] shape = array.shape();
        if (!array.dtype().equals("u1") && !array.dtype().equals("|u1")) {
            throw new BadInputException(file + ": 'data' has dtype " + array.dtype() + ", expected uint8 (u1)");
        }
        if (shape.length != 2 || shape[1] != CifarLoader.IMAGE_BYTES) {
            throw new BadInputException(file + ": 'data' has shape " + shapeText(shape) + ", expected (N, "
                    + CifarLoader.IMAGE_BYTES + ")");
        }
        int count = shape[0];
        if (array.data().length != (long) count * CifarLoader.IMAGE_BYTES) {
            throw new BadInputException(file + ": 'data' holds " + array.data().length + " bytes, its shape "
                    + shapeText(shape) + " needs " + ((long) count * CifarLoader.IMAGE_BYTES));
        }
        int[] labels = labels(entry(dict, "labels", file), count, classNames.size(), file);
        int[] index = PlanarLayout.channelsLastIndex(CifarLoader.SIDE, CifarLoader.SIDE, CifarLoader.CHANNELS);
        byte[] pixels = new byte[count * CifarLoader.IMAGE_BYTES];
        for (int i = 0; i < count; i++) {
            PlanarLayout.copyToChannelsLast(array.data(), i * CifarLoader.IMAGE_BYTES, pixels,
                    i * CifarLoader.IMAGE_BYTES, index);
        }
        return new CifarLoader.CifarBatch(pixels, labels);
    }

    /** batches.meta: a dict whose {@code label_names} lists the class names. */
    static List<String> readClassNames(Path meta) {
        if (!(entry(readDict(meta), "label_names", meta) instanceof List<?> names) || names.isEmpty()) {
            throw new BadInputException(meta + ": 'label_names' is not a non-empty list of names");
        }
        return names.stream().map(NumpyPickle::text).toList();
    }

    private static int[] labels(Object value, int count, int classes, Path file) {
        if (!(value instanceof List<?> list)) {
            throw new BadInputException(file + ": 'labels' is a " + typeName(value) + ", expected a list of ints");
        }
        if (list.size() != count) {
            throw new BadInputException(file + ": " + list.size() + " labels for " + count + " images in 'data'");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Object label = list.get(i);
            long number = label instanceof Number n ? n.longValue() : -1;
            if (!(label instanceof Integer || label instanceof Long) || number < 0 || number >= classes) {
                throw new BadInputException(file + ": 'labels'[" + i + "] = " + label + " is outside 0.." + (classes - 1));
            }
            labels[i] = (int) number;
        }
        return labels;
    }

    /** The pickled dict with its keys as text, whether Python pickled them as str or bytes. */
    private static Map<String, Object> readDict(Path file) {
        Object loaded = NumpyPickle.load(FileBytes.read(file), file.toString());
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new BadInputException(file + ": the pickle holds a " + typeName(loaded) + ", expected a dict");
        }
        Map<String, Object> dict = new HashMap<>();
        map.forEach((key, value) -> dict.put(NumpyPickle.text(key), value));
        return dict;
    }

    private static Object entry(Map<String, Object> dict, String key, Path file) {
        if (!dict.containsKey(key)) {
            throw new BadInputException(file + ": no '" + key + "' key in the pickled dict (keys: "
                    + String.join(", ", new TreeSet<>(dict.keySet())) + ")");
        }
        return dict.get(key);
    }

    private static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String typeName(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }
}
