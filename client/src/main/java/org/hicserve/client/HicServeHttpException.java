package org.hicserve.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered with a non-2xx status. {@link #code()} and {@link #getMessage()} come from the API's error
 * body {@code {"error": CODE, "message": TEXT}} (for example 404 {@code unknown_chromosome} with a message listing
 * the chromosomes that exist); when the body is not that JSON (a proxy's page, say), the code is
 * {@code "http_<status>"} and the message is the start of the body.
 */
public final class HicServeHttpException extends HicServeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final Duration retryAfter;

    /** An error answer: status, the API's error code and message, the Retry-After delay or {@code null}. */
    public HicServeHttpException(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, e.g. 400, 404, 413, 422, 429, 503. */
    public int status() {
        return status;
    }

    /** The API's error code, e.g. {@code invalid_query}, {@code unknown_chromosome}, {@code saturated}. */
    public String code() {
        return code;
    }

    /** The service's {@code Retry-After} (sent with 429/503 when saturated), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + status + " " + code + ": " + getMessage();
    }
}
