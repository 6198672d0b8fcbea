package org.hicserve.client;

import java.io.IOException;

/**
 * The request could not be sent or its answer not received: connection refused or reset, timeout, interrupted
 * wait. Wraps the {@link IOException} (or the {@link InterruptedException}, after restoring the interrupt flag).
 * A connection cut in the middle of an Arrow answer is a {@link TruncatedStreamException} instead.
 */
public final class HicServeTransportException extends HicServeException {
    private static final long serialVersionUID = 1L;

    /** A transport failure and its cause. */
    public HicServeTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
