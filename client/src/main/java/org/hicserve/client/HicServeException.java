package org.hicserve.client;

/**
 * Root of every exception the client throws (unchecked). Subclasses: {@link HicServeHttpException} (the service
 * answered with an error status), {@link HicServeTransportException} (the request or the connection failed),
 * {@link TruncatedStreamException} (an answer ended before its end-of-stream marker) and
 * {@link MatrixTooLargeException} (a dense matrix refused before downloading).
 */
public class HicServeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what failed, where, and what exists. */
    public HicServeException(String message) {
        super(message);
    }

    /** An exception with a message and the failure that caused it. */
    public HicServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
