package org.imgcluster.data;

/**
 * Input a user can fix: a malformed file, a bad option or config value. The CLI prints its message as one
 * line and exits with code 2; anything else is an internal error (exit 1).
 */
public class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
