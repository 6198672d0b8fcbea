package org.hicserve.service.exec;

import java.util.concurrent.Semaphore;

/**
 * Caps the pixel answers in flight. Past the cap a request is refused at once (saturated: 503 with Retry-After at the web edge) rather
 * than queued: a queue of streams would hold file handles and memory without bound. Thread-safe.
 */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int limit;

    public StreamLimiter(int limit) {
        this.permits = new Semaphore(limit);
        this.limit = limit;
    }

    /** Takes a permit; the returned handle gives it back (once). */
    public AutoCloseable acquire() {
        if (!permits.tryAcquire()) {
            throw new SaturatedException("the service is answering " + limit + " pixel queries already; retry later", null);
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
