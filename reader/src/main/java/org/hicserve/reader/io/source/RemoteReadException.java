package org.hicserve.reader.io.source;

import java.io.IOException;

/**
 * A remote store (S3, an HTTP server) could not deliver the bytes asked for: unreachable, too slow, failing, or
 * answering something other than the range asked for. Never a statement about the file's content: the readers let it
 * through instead of calling the file malformed, and the service answers it with 502, 503 or 504. Its message names
 * the store and object, never credentials.
 */
public final class RemoteReadException extends IOException {
    /** What went wrong, and so which gateway status a service answers. */
    public enum Kind {
        /** The store answered something wrong (an error, a whole object for a range, a changed object): 502. */
        BAD_GATEWAY,
        /** The store said it is unavailable or throttled (503, 429) and kept saying so: 503. */
        UNAVAILABLE,
        /** The store did not answer in time: 504. */
        TIMEOUT
    }

    private final Kind kind;

    public RemoteReadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public RemoteReadException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Throws the remote failure behind {@code t} (as an {@link java.io.UncheckedIOException}) when there is one: for
     * the places that turn whatever a parse throws into "malformed file" or a validation problem, since a store that
     * failed says nothing about the file.
     */
    public static void rethrowIfRemote(Throwable t) {
        RemoteReadException r = find(t);
        if (r != null) {
            throw new java.io.UncheckedIOException(r.getMessage(), r);
        }
    }

    /** The remote failure behind {@code t}, if its cause chain has one. */
    public static RemoteReadException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RemoteReadException r) {
                return r;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
