package org.hicserve.service.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.hicserve.service.error.ServiceException;

/**
 * Caps the pixel answers in flight, in all and per client. Past the cap a request is refused
 * at once with 503 (429 past the client's own cap) and Retry-After rather than queued: a queue of streams would
 * hold file handles and memory without bound, and one client could take every slot. Thread-safe.
 */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int limit;
    private final int perClient;
    private final java.util.function.Supplier<String> clientKeys;
    private final Duration retryAfter;
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

    public StreamLimiter(int limit, Duration retryAfter) {
        this(limit, 0, retryAfter, () -> null);
    }

    /**
     * {@code perClient} 0: no per-client cap; {@code clientKeys} names the current request's client (the web edge
     * knows it: the token when tokens are on, else the address; null outside a request).
     */
    public StreamLimiter(int limit, int perClient, Duration retryAfter, java.util.function.Supplier<String> clientKeys) {
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.perClient = perClient;
        this.clientKeys = clientKeys;
        this.retryAfter = retryAfter;
    }

    /** Takes a permit for the current request's client; the returned handle gives it back (once). */
    public AutoCloseable acquire() {
        return acquire(clientKeys.get());
    }

    /** Takes a permit for {@code client} (null: counted only in the total); the handle gives it back (once). */
    public AutoCloseable acquire(String client) {
        String key = perClient > 0 ? client : null;
        if (key != null && byClient.merge(key, 1, Integer::sum) > perClient) {
            byClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            throw refused(ServiceException.Kind.TOO_MANY_REQUESTS, "too_many_requests", "this client has " + perClient
                    + " pixel queries in flight already (hicserve.max-streams-per-client); retry later");
        }
        if (!permits.tryAcquire()) {
            if (key != null) {
                byClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
            throw refused(ServiceException.Kind.SATURATED, "saturated",
                    "the service is answering " + limit + " pixel queries already; retry later");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
                if (key != null) {
                    byClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
                }
            }
        };
    }

    private static ServiceException refused(ServiceException.Kind kind, String code, String message) {
        return new ServiceException(kind, code, message);
    }

    public int inFlight() {
        return limit - permits.availablePermits();
    }

    /** Answers in flight for one client (0 when it has none). */
    public int inFlight(String client) {
        return byClient.getOrDefault(client, 0);
    }
}
