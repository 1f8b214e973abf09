package org.imgcluster.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a Kaggle-style image CSV held in memory. Hand-written byte tokenizer: fields are parsed straight
 * into the pixel array, without strings or regexes: the 126 MB CSV of a 60,000-image set parses in about a second.
 * See {@link CsvLoader} for the accepted layouts.
 */
final class CsvParser {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Parsed values stop growing here: anything this large is out of range anyway, and cannot overflow. */
    private static final long MAX_PARSED = 1_000_000_000_000L;

    private final byte[] buf;
    private final String name;
    private int pos;
    private int line = 1;
    private int fieldStart;
    private List<String> headerNames;

    CsvParser(byte[] text, String name) {
        this.buf = text;
        this.name = name;
        this.pos = startsWith(text, UTF8_BOM) ? UTF8_BOM.length : 0;
    }

    ImageSet parse(List<String> classNames) {
        List<String> firstLine = splitLine(pos);
        if (firstLine.size() == 1 && firstLine.get(0).isBlank()) {
            throw new BadInputException(name + ": line 1 is empty: expected a header or a first row of pixels");
        }
        boolean hasHeader = firstLine.stream().anyMatch(field -> !looksNumeric(field));
        int columns = firstLine.size();
        int labelColumn = hasHeader ? labelColumnOf(firstLine) : labelColumnFromCount(columns);
        int pixelCount = columns - (labelColumn >= 0 ? 1 : 0);
        CsvImageShape shape = CsvImageShape.forPixelCount(pixelCount);
        if (shape == null) {
            throw new BadInputException(name + ": line 1: " + pixelCount + " pixel columns do not make an image;"
                    + " expected " + CsvImageShape.ALLOWED);
        }
        if (hasHeader) {
            headerNames = firstLine;
            skipToNextLine();
        }
        return readRows(columns, labelColumn, shape, classNames);
    }

    private ImageSet readRows(int columns, int labelColumn, CsvImageShape shape, List<String> classNames) {
        int pixelCount = shape.pixelCount();
        int[] target = shape.channelsLastIndex();
        int maxRows = countLines(pos);
        if ((long) maxRows * pixelCount > Integer.MAX_VALUE - 16) {
            throw new BadInputException(name + ": " + maxRows + " rows of " + pixelCount
                    + " pixels are too many to hold in memory at once; subsample the file first");
        }
        byte[] pixels = new byte[maxRows * pixelCount];
        int[] labels = labelColumn >= 0 ? new int[maxRows] : null;
        int labelLimit = classNames == null || classNames.isEmpty() ? CsvLoader.MAX_CLASSES_WITHOUT_NAMES
                : classNames.size();
        int rows = 0;
        while (pos < buf.length) {
            if (skipBlankLine()) {
                continue;
            }
            int base = rows * pixelCount;
            int pixel = 0;
            for (int col = 0; col < columns; col++) {
                long value = parseField(col);
                if (col == labelColumn) {
                    checkRange(value, labelLimit, col, "label");
                    labels[rows] = (int) value;
                } else {
                    checkRange(value, 256, col, "value");
                    pixels[base + target[pixel++]] = (byte) value;
                }
                expectDelimiter(col, columns);
            }
            rows++;
            skipToNextLine();
        }
        int[] keptLabels = labels == null ? null : Arrays.copyOf(labels, rows);
        List<String> names = keptLabels == null ? List.of() : ClassNames.orNumbered(classNames, keptLabels);
        byte[] keptPixels = rows == maxRows ? pixels : Arrays.copyOf(pixels, rows * pixelCount);
        return new ImageSet(keptPixels, rows, shape.height(), shape.width(), shape.channels(), keptLabels, names, name);
    }

    /** With a header, the label is the column named "label", wherever it stands; no such column: unlabeled. */
    private int labelColumnOf(List<String> header) {
        int found = -1;
        for (int col = 0; col < header.size(); col++) {
            if (header.get(col).equalsIgnoreCase("label")) {
                if (found >= 0) {
                    throw new BadInputException(name + ": line 1: columns " + (found + 1) + " and " + (col + 1)
                            + " are both named label");
                }
                found = col;
            }
        }
        return found;
    }

    /** Without a header, a pixel count of columns means unlabeled and one more means the label comes first. */
    private int labelColumnFromCount(int columns) {
        if (CsvImageShape.forPixelCount(columns) != null) {
            return -1;
        }
        if (CsvImageShape.forPixelCount(columns - 1) != null) {
            return 0;
        }
        throw new BadInputException(name + ": line 1 has " + columns + " columns and no header: expected a pixel"
                + " count (" + CsvImageShape.ALLOWED + "), or one more with the label first");
    }

    /**
     * Parses one integer field and leaves {@code pos} on the character after it. Whole numbers written as
     * decimals ("12.0", as pandas writes float columns) are accepted; "12.5" is not.
     */
    private long parseField(int col) {
        fieldStart = pos;
        skipBlanks();
        boolean negative = pos < buf.length && buf[pos] == '-';
        if (negative || (pos < buf.length && buf[pos] == '+')) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (pos < buf.length && isDigit(buf[pos])) {
            value = Math.min(value * 10 + (buf[pos] - '0'), MAX_PARSED);
            digits++;
            pos++;
        }
        boolean fraction = false;
        if (pos < buf.length && buf[pos] == '.') {
            pos++;
            while (pos < buf.length && isDigit(buf[pos])) {
                fraction |= buf[pos] != '0';
                digits++;
                pos++;
            }
        }
        skipBlanks();
        if (digits == 0 || !atFieldEnd()) {
            throw error(col, "'" + token(fieldStart) + "' is not a number");
        }
        if (fraction) {
            throw error(col, "'" + token(fieldStart) + "' is not a whole number (values must be integers)");
        }
        return negative ? -value : value;
    }

    private void expectDelimiter(int col, int columns) {
        boolean comma = pos < buf.length && buf[pos] == ',';
        if (col < columns - 1 && !comma) {
            throw new BadInputException(name + ": line " + line + " has " + (col + 1) + " columns, expected "
                    + columns + " (as in line 1)");
        }
        if (col == columns - 1 && comma) {
            throw new BadInputException(name + ": line " + line + " has " + (columns + countCommas(pos))
                    + " columns, expected " + columns + " (as in line 1)");
        }
        if (comma) {
            pos++;
        }
    }

    private void checkRange(long value, int limit, int col, String what) {
        if (value < 0 || value >= limit) {
            throw error(col, what + " " + token(fieldStart) + " is outside 0.." + (limit - 1));
        }
    }

    private BadInputException error(int col, String what) {
        String header = headerNames == null ? "" : " (" + headerNames.get(col) + ")";
        return new BadInputException(name + ": line " + line + ", column " + (col + 1) + header + ": " + what);
    }

    /** Blanks and a '\r' before the line end belong to no field. */
    private void skipBlanks() {
        while (pos < buf.length && (buf[pos] == ' ' || buf[pos] == '\t'
                || (buf[pos] == '\r' && (pos + 1 == buf.length || buf[pos + 1] == '\n')))) {
            pos++;
        }
    }

    private boolean atFieldEnd() {
        return pos == buf.length || buf[pos] == ',' || buf[pos] == '\n';
    }

    /** Skips a line holding only blanks (pandas skips blank lines too); true if one was skipped. */
    private boolean skipBlankLine() {
        int p = pos;
        while (p < buf.length && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r')) {
            p++;
        }
        if (p < buf.length && buf[p] != '\n') {
            return false;
        }
        pos = p;
        skipToNextLine();
        return true;
    }

    private void skipToNextLine() {
        while (pos < buf.length && buf[pos] != '\n') {
            pos++;
        }
        if (pos < buf.length) {
            pos++;
        }
        line++;
    }

    /** The field text from {@code start} up to the next comma or line end, for messages. */
    private String token(int start) {
        int end = start;
        while (end < buf.length && buf[end] != ',' && buf[end] != '\n' && buf[end] != '\r' && end - start < 40) {
            end++;
        }
        return new String(buf, start, end - start, StandardCharsets.UTF_8).strip();
    }

    private List<String> splitLine(int from) {
        List<String> fields = new ArrayList<>();
        int fieldStart = from;
        int p = from;
        while (true) {
            if (p == buf.length || buf[p] == '\n' || buf[p] == ',') {
                fields.add(unquote(new String(buf, fieldStart, p - fieldStart, StandardCharsets.UTF_8)));
                if (p == buf.length || buf[p] == '\n') {
                    return fields;
                }
                fieldStart = p + 1;
            }
            p++;
        }
    }

    /** Lines from {@code from} to the end, counting a last line without a newline; sizes the arrays up front. */
    private int countLines(int from) {
        int lines = 0;
        for (int p = from; p < buf.length; p++) {
            if (buf[p] == '\n') {
                lines++;
            }
        }
        return buf.length > from && buf[buf.length - 1] != '\n' ? lines + 1 : lines;
    }

    private int countCommas(int from) {
        int commas = 0;
        for (int p = from; p < buf.length && buf[p] != '\n'; p++) {
            if (buf[p] == ',') {
                commas++;
            }
        }
        return commas;
    }

    private static String unquote(String field) {
        String s = field.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    /** Header detection: a first line is data when every field is a (possibly signed or decimal) number. */
    private static boolean looksNumeric(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
