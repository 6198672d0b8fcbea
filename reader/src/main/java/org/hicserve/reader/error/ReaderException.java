package org.hicserve.reader.error;

/** Root of every error the reader raises. Unchecked: callers map subclasses to their own vocabulary (HTTP status, exit code). */
public class ReaderException extends RuntimeException {
    public ReaderException(String message) {
        super(message);
    }

    public ReaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
