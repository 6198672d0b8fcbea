package org.hicserve.service.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.hicserve.service.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Caps the pixel answers in flight. Past the cap a request is refused at once with 503 and Retry-After rather
 * than queued: a queue of streams would hold file handles and memory without bound. Thread-safe.
 */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int limit;
    private final Duration retryAfter;

    public StreamLimiter(int limit, Duration retryAfter) {
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** Takes a permit; the returned handle gives it back (once). */
    public AutoCloseable acquire() {
        if (!permits.tryAcquire()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "saturated",
                    "the service is answering " + limit + " pixel queries already; retry later",
                    Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
    }

    public int inFlight() {
        return limit - permits.availablePermits();
    }
}
