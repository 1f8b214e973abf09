package org.imgcluster.notebook;

import org.imgcluster.data.BadInputException;

/**
 * A notebook that cannot be read, or a cell that does not compile or throws. The message is one line naming the
 * notebook file and, for a cell, its number (counted from 1 over all cells, as a front end shows them).
 */
public final class NotebookException extends BadInputException {
    public NotebookException(String message) {
        super(oneLine(message));
    }

    public NotebookException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
