package org.hicserve.reader.error;

/** A file that cannot be read as what it claims to be: truncated, corrupt, or inconsistent with itself. */
public class MalformedFileException extends ReaderException {
    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
