package org.imgcluster.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a cell writes to {@code System.out} and {@code System.err}, in the order written, as Jupyter outputs:
 * text of one stream runs together into one {@code stream} output, and a {@link Show} marker line on stdout becomes a
 * {@code display_data} output at its place.
 */
final class OutputCapture {
    private final List<CellOutput> outputs = new ArrayList<>();
    private final Line out = new Line("stdout");
    private final Line err = new Line("stderr");

    PrintStream stdout() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    PrintStream stderr() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    /** The outputs so far, with any unfinished line of either stream included. */
    synchronized List<CellOutput> finish() {
        out.flushLine();
        err.flushLine();
        return List.copyOf(outputs);
    }

    synchronized void add(CellOutput output) {
        out.flushLine();
        err.flushLine();
        outputs.add(output);
    }

    private synchronized void text(String name, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = outputs.size() - 1;
        if (last >= 0 && outputs.get(last) instanceof CellOutput.Stream s && s.name().equals(name)) {
            outputs.set(last, new CellOutput.Stream(name, s.text() + text));
        } else {
            outputs.add(new CellOutput.Stream(name, text));
        }
    }

    /** One stream, cut into lines so that marker lines can be told apart from text. */
    private final class Line extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Line(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            synchronized (OutputCapture.this) {
                pending.write(b);
                if (b == '\n') {
                    flushLine();
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (OutputCapture.this) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        }

        void flushLine() {
            if (pending.size() == 0) {
                return;
            }
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            if (name.equals("stdout") && line.startsWith(Show.MARKER)) {
                String body = line.substring(Show.MARKER.length()).strip();
                int sep = body.indexOf(";base64,");
                if (sep > 0) {
                    String mime = body.substring(0, sep);
                    String data = body.substring(sep + ";base64,".length());
                    outputs.add(new CellOutput.Display(mime, mime.startsWith("image/") ? data
                            : new String(java.util.Base64.getDecoder().decode(data), StandardCharsets.UTF_8)));
                    return;
                }
            }
            text(name, line);
        }
    }
}
