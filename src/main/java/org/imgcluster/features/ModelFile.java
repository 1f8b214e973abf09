package org.imgcluster.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BadInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The file format of saved feature models: self-describing (a JSON header names the kind, the hyper-parameters and
 * each array's name, type and shape, so {@code head -c} shows what a file holds) and checked end to end.
 * <pre>
 *   8 bytes  "IMGCFEAT"
 *   int32    format version (1)
 *   int32    header length H
 *   H bytes  UTF-8 JSON {"kind": ..., "config": {...}, "arrays": [{"name", "dtype", "shape"}, ...]}
 *   ...      the arrays in header order, row-major, little-endian float32 / float64
 *   int32    CRC-32 of every byte before it
 * </pre>
 * Integers of the frame are big-endian. Any fault is a one-line {@link BadInputException} naming the file and what is
 * wrong.
 */
final class ModelFile {
    private static final byte[] MAGIC = "IMGCFEAT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int FRAME_BYTES = MAGIC.length + 8;
    private static final int CRC_BYTES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Slice(String dtype, int[] shape, int offset) {
    }

    private final Path file;
    private final JsonNode config;
    private final Map<String, Slice> arrays;
    private final ByteBuffer bytes;

    private ModelFile(Path file, JsonNode config, Map<String, Slice> arrays, ByteBuffer bytes) {
        this.file = file;
        this.config = config;
        this.arrays = arrays;
        this.bytes = bytes;
    }

    /** Collects a model's config and arrays, then writes them as one file. */
    static final class Writer {
        private final ObjectNode header = JSON.createObjectNode();
        private final ObjectNode config;
        private final ArrayNode arrays;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Writer(String kind) {
            header.put("kind", kind);
            config = header.putObject("config");
            arrays = header.putArray("arrays");
        }

        Writer config(String key, String value) {
            config.put(key, value);
            return this;
        }

        Writer config(String key, int value) {
            config.put(key, value);
            return this;
        }

        Writer config(String key, boolean value) {
            config.put(key, value);
            return this;
        }

        Writer floats(String name, float[] values, int... shape) {
            ByteBuffer b = describe(name, "float32", shape, values.length, Float.BYTES);
            b.asFloatBuffer().put(values);
            data.writeBytes(b.array());
            return this;
        }

        Writer doubles(String name, double[] values, int... shape) {
            ByteBuffer b = describe(name, "float64", shape, values.length, Double.BYTES);
            b.asDoubleBuffer().put(values);
            data.writeBytes(b.array());
            return this;
        }

        private ByteBuffer describe(String name, String dtype, int[] shape, int length, int width) {
            if (length != elements(shape)) {
                throw new IllegalArgumentException("array " + name + " has " + length + " values, shape "
                        + Arrays.toString(shape) + " needs " + elements(shape));
            }
            ObjectNode entry = arrays.addObject().put("name", name).put("dtype", dtype);
            ArrayNode dims = entry.putArray("shape");
            Arrays.stream(shape).forEach(dims::add);
            return ByteBuffer.allocate(length * width).order(ByteOrder.LITTLE_ENDIAN);
        }

        void writeTo(Path file) throws IOException {
            byte[] head = JSON.writeValueAsBytes(header);
            ByteBuffer out = ByteBuffer.allocate(FRAME_BYTES + head.length + data.size() + CRC_BYTES);
            out.put(MAGIC).putInt(VERSION).putInt(head.length).put(head).put(data.toByteArray());
            CRC32 crc = new CRC32();
            crc.update(out.array(), 0, out.position());
            out.putInt((int) crc.getValue());
            AtomicFiles.write(file, stream -> stream.write(out.array()));
        }
    }

    /** Reads and checks a file that must hold a model of the given kind. */
    static ModelFile read(Path file, String kind) {
        ByteBuffer bytes = ByteBuffer.wrap(readBytes(file));
        int length = bytes.capacity();
        if (length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes.array(), MAGIC.length), MAGIC)) {
            throw bad(file, "not an imgcluster feature model (it does not start with "
                    + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
        }
        if (length < FRAME_BYTES + CRC_BYTES) {
            throw bad(file, "truncated: " + length + " bytes, less than the fixed frame of "
                    + (FRAME_BYTES + CRC_BYTES));
        }
        int version = bytes.getInt(MAGIC.length);
        if (version != VERSION) {
            throw bad(file, "model format version " + version + ", this program reads version " + VERSION);
        }
        int headerLength = bytes.getInt(MAGIC.length + 4);
        if (headerLength < 0 || (long) FRAME_BYTES + headerLength + CRC_BYTES > length) {
            throw bad(file, "truncated or corrupt: " + length + " bytes, the header alone claims " + headerLength);
        }
        JsonNode header = parseHeader(file, bytes.array(), headerLength);
        if (!kind.equals(header.path("kind").asText())) {
            throw bad(file, "holds a '" + header.path("kind").asText() + "' model, not a '" + kind + "' model");
        }
        Map<String, Slice> arrays = new LinkedHashMap<>();
        long offset = FRAME_BYTES + headerLength;
        for (JsonNode entry : header.path("arrays")) {
            Slice slice = slice(file, entry, (int) Math.min(offset, Integer.MAX_VALUE));
            arrays.put(entry.path("name").asText(), slice);
            offset += elements(slice.shape) * (slice.dtype.equals("float32") ? (long) Float.BYTES : Double.BYTES);
        }
        long expected = offset + CRC_BYTES;
        if (expected != length) {
            throw bad(file, (length < expected ? "truncated" : "corrupt") + ": " + length
                    + " bytes, its header describes " + expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 0, length - CRC_BYTES);
        if ((int) crc.getValue() != bytes.getInt(length - CRC_BYTES)) {
            throw bad(file, "corrupt: the checksum does not match the content");
        }
        return new ModelFile(file, header.path("config"), arrays, bytes.order(ByteOrder.LITTLE_ENDIAN));
    }

    private static JsonNode parseHeader(Path file, byte[] bytes, int headerLength) {
        try {
            JsonNode header = JSON.readTree(new String(bytes, FRAME_BYTES, headerLength, StandardCharsets.UTF_8));
            if (header == null || !header.isObject()) {
                throw bad(file, "corrupt header: not a JSON object");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw bad(file, "corrupt header: " + e.getOriginalMessage());
        }
    }

    private static Slice slice(Path file, JsonNode entry, int offset) {
        String dtype = entry.path("dtype").asText();
        JsonNode shape = entry.path("shape");
        if (!(dtype.equals("float32") || dtype.equals("float64")) || !shape.isArray()) {
            throw bad(file, "corrupt header: array entry " + entry + " needs dtype float32 or float64 and a shape");
        }
        int[] dims = new int[shape.size()];
        for (int k = 0; k < dims.length; k++) {
            if (!shape.get(k).canConvertToInt() || shape.get(k).intValue() < 0) {
                throw bad(file, "corrupt header: array " + entry.path("name").asText() + " has shape " + shape);
            }
            dims[k] = shape.get(k).intValue();
        }
        return new Slice(dtype, dims, offset);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e);
        }
    }

    int intField(String key) {
        JsonNode v = config.path(key);
        if (!v.canConvertToInt()) {
            throw bad(file, "config field '" + key + "' is missing or not an integer");
        }
        return v.intValue();
    }

    boolean booleanField(String key) {
        JsonNode v = config.path(key);
        if (!v.isBoolean()) {
            throw bad(file, "config field '" + key + "' is missing or not true/false");
        }
        return v.booleanValue();
    }

    String textField(String key) {
        JsonNode v = config.path(key);
        if (!v.isTextual()) {
            throw bad(file, "config field '" + key + "' is missing or not a string");
        }
        return v.textValue();
    }

    /** The text field {@code key}, or {@code absent} when the file has none. */
    String textField(String key, String absent) {
        return config.has(key) ? textField(key) : absent;
    }

    float[] floats(String name, int... shape) {
        Slice s = slice(name, "float32", shape);
        float[] out = new float[elements(shape)];
        bytes.slice(s.offset, out.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    double[] doubles(String name, int... shape) {
        Slice s = slice(name, "float64", shape);
        double[] out = new double[elements(shape)];
        bytes.slice(s.offset, out.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    private Slice slice(String name, String dtype, int[] shape) {
        Slice s = arrays.get(name);
        if (s == null) {
            throw bad(file, "array '" + name + "' is missing");
        }
        if (!s.dtype.equals(dtype) || !Arrays.equals(s.shape, shape)) {
            throw bad(file, "array '" + name + "' is " + s.dtype + " " + Arrays.toString(s.shape) + ", expected "
                    + dtype + " " + Arrays.toString(shape));
        }
        return s;
    }

    /** A fault in the file's content, for a caller that checks values the format itself cannot. */
    BadInputException bad(String what) {
        return bad(file, what);
    }

    private static BadInputException bad(Path file, String what) {
        return new BadInputException(file + ": " + what.replace('\n', ' '));
    }

    /** The number of values of an array; a corrupt header's huge shape saturates (the length check then fails). */
    private static int elements(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n = Math.min(n * s, Integer.MAX_VALUE);
        }
        return (int) n;
    }

}
