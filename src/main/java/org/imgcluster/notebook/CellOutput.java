package org.imgcluster.notebook;

/** One output of an executed code cell, in the order the cell produced them. */
public sealed interface CellOutput {
    /** Text written to {@code stdout} or {@code stderr}. */
    record Stream(String name, String text) implements CellOutput {
    }

    /**
     * Rich data shown through {@link Show}: {@code image/png} (data is base64) or {@code text/html} (data is the
     * markup).
     */
    record Display(String mime, String data) implements CellOutput {
    }

    /** The value of the cell's last snippet when it is an expression, as text. */
    record Result(int executionCount, String text) implements CellOutput {
    }

    /** The cell failed: the exception's class (or "CompilationError") and one-line message, and its trace lines. */
    record Error(String name, String value, java.util.List<String> traceback) implements CellOutput {
        public Error {
            traceback = java.util.List.copyOf(traceback);
        }
    }
}
