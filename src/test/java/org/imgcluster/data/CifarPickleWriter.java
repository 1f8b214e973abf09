package org.imgcluster.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Writes the CIFAR-10 python version opcode by opcode, as pickle.dump does.
 * <ul>
 *   <li>{@link Dialect#PYTHON2}: the official files, made by Python 2's cPickle with protocol 2 and numpy 1.x:
 *       str keys and values (SHORT_BINSTRING / BINSTRING), memo from 1, {@code numpy.core.multiarray._reconstruct},
 *       dtype arguments {@code ('u1', 0, 1)}.</li>
 *   <li>{@link Dialect#PYTHON3}: those dicts loaded with {@code encoding='bytes'} and dumped again by Python 3
 *       with protocol 3 and numpy 2.x: bytes keys (SHORT_BINBYTES / BINBYTES), memo from 0,
 *       {@code numpy._core.multiarray._reconstruct}, dtype arguments {@code ('u1', False, True)}.</li>
 * </ul>
 * Lists and dicts are written in batches of 1,000 items with MARK ... APPENDS / SETITEMS, as both picklers do.
 */
final class CifarPickleWriter {
    enum Dialect { PYTHON2, PYTHON3 }

    private static final int BATCH = 1000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Dialect dialect;
    private int memo;

    private CifarPickleWriter(Dialect dialect) {
        this.dialect = dialect;
        this.memo = dialect == Dialect.PYTHON2 ? 1 : 0;
    }

    /** A data_batch / test_batch dict: batch_label, labels, data (numpy uint8 N×3072, R, G, B planes), filenames. */
    static void writeBatch(Path file, ImageSet images, String batchLabel, Dialect dialect) throws IOException {
        CifarPickleWriter w = new CifarPickleWriter(dialect);
        w.header();
        w.str("batch_label");
        w.str(batchLabel);
        w.str("labels");
        w.list(images.size(), i -> w.integer(images.label(i)));
        w.str("data");
        w.ndarray(images.size(), planes(images));
        w.str("filenames");
        w.list(images.size(), i -> w.str(String.format("image_%06d.png", i)));
        w.endDict();
        Files.write(file, w.out.toByteArray());
    }

    /** batches.meta: num_cases_per_batch, label_names, num_vis. */
    static void writeMeta(Path file, List<String> classNames, int casesPerBatch, Dialect dialect) throws IOException {
        CifarPickleWriter w = new CifarPickleWriter(dialect);
        w.header();
        w.str("num_cases_per_batch");
        w.integer(casesPerBatch);
        w.str("label_names");
        w.list(classNames.size(), k -> w.str(classNames.get(k)));
        w.str("num_vis");
        w.integer(3072);
        w.endDict();
        Files.write(file, w.out.toByteArray());
    }

    /** data_batch_1..5 with the set cut into five equal parts, or test_batch. */
    static void writeSplit(Path folder, Split split, ImageSet images, Dialect dialect) throws IOException {
        if (split == Split.TEST) {
            writeBatch(folder.resolve("test_batch"), images, "testing batch 1 of 1", dialect);
            return;
        }
        int per = images.size() / 5;
        for (int k = 0; k < 5; k++) {
            writeBatch(folder.resolve("data_batch_" + (k + 1)), RandomImages.slice(images, k * per, (k + 1) * per),
                    "training batch " + (k + 1) + " of 5", dialect);
        }
    }

    private static byte[] planes(ImageSet images) {
        byte[] rows = new byte[images.size() * 3072];
        for (int i = 0; i < images.size(); i++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < 1024; p++) {
                    rows[i * 3072 + ch * 1024 + p] = (byte) images.value(i, p * 3 + ch);
                }
            }
        }
        return rows;
    }

    private void header() {
        out.write(0x80);
        out.write(dialect == Dialect.PYTHON2 ? 2 : 3);
        out.write('}');
        put();
        out.write('(');
    }

    private void endDict() {
        out.write('u');
        out.write('.');
    }

    /** numpy's reduce: _reconstruct(ndarray, (0,), b'b') then BUILD (1, shape, dtype, False, raw). */
    private void ndarray(int rows, byte[] raw) {
        boolean py2 = dialect == Dialect.PYTHON2;
        global(py2 ? "numpy.core.multiarray" : "numpy._core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        integer(0);
        tuple(1);
        str("b");
        tuple(3);
        reduce();
        out.write('(');
        integer(1);
        integer(rows);
        integer(3072);
        tuple(2);
        global("numpy", "dtype");
        unicode("u1");
        if (py2) {
            integer(0);
            integer(1);
        } else {
            out.write(0x89);
            out.write(0x88);
        }
        tuple(3);
        reduce();
        out.write('(');
        integer(3);
        unicode("|");
        out.write('N');
        out.write('N');
        out.write('N');
        integer(-1);
        integer(-1);
        integer(0);
        out.write('t');
        put();
        out.write('b');
        out.write(0x89);
        bytes(raw);
        out.write('t');
        put();
        out.write('b');
    }

    private void list(int size, IntConsumer item) {
        out.write(']');
        put();
        for (int start = 0; start < size; start += BATCH) {
            int end = Math.min(size, start + BATCH);
            if (end - start > 1) {
                out.write('(');
            }
            for (int i = start; i < end; i++) {
                item.accept(i);
            }
            out.write(end - start > 1 ? 'e' : 'a');
        }
    }

    /** A Python 2 str / Python 3 bytes value. */
    private void str(String s) {
        bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void bytes(byte[] b) {
        boolean py2 = dialect == Dialect.PYTHON2;
        if (b.length < 256) {
            out.write(py2 ? 'U' : 'C');
            out.write(b.length);
        } else {
            out.write(py2 ? 'T' : 'B');
            int32(b.length);
        }
        out.writeBytes(b);
        put();
    }

    /** Text that is str in both Pythons (dtype names): a Python 2 str, a Python 3 BINUNICODE. */
    private void unicode(String s) {
        if (dialect == Dialect.PYTHON2) {
            str(s);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        int32(utf8.length);
        out.writeBytes(utf8);
        put();
    }

    private void integer(int v) {
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write(v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            out.write(v & 0xFF);
            out.write(v >>> 8);
        } else {
            out.write('J');
            int32(v);
        }
    }

    private void global(String module, String name) {
        out.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        put();
    }

    private void tuple(int size) {
        out.write(new int[] {0, 0x85, 0x86, 0x87}[size]);
        put();
    }

    private void reduce() {
        out.write('R');
        put();
    }

    private void put() {
        if (memo < 256) {
            out.write('q');
            out.write(memo);
        } else {
            out.write('r');
            int32(memo);
        }
        memo++;
    }

    private void int32(int v) {
        for (int k = 0; k < 4; k++) {
            out.write(v >>> (8 * k));
        }
    }
}
