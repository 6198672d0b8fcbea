package org.hicserve.client;

/**
 * An Arrow answer ended without its end-of-stream marker, or its connection was cut in the middle. The service
 * aborts an answer it cannot finish (API.md), so this is how a failure after the first byte reaches the caller:
 * what was read so far is incomplete and must not be used as the answer.
 */
public final class TruncatedStreamException extends HicServeException {
    private static final long serialVersionUID = 1L;
    private final long bytesRead;

    /** An answer cut after {@code bytesRead} bytes; {@code cause} is the transport's exception, if any. */
    public TruncatedStreamException(String message, long bytesRead, Throwable cause) {
        super(message, cause);
        this.bytesRead = bytesRead;
    }

    /** Bytes of the answer received before it ended. */
    public long bytesRead() {
        return bytesRead;
    }
}
