package org.hicserve.service.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.hicserve.service.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Caps the pixel answers in flight, in all and per client ({@link ClientKey}). Past the cap a request is refused
 * at once with 503 (429 past the client's own cap) and Retry-After rather than queued: a queue of streams would
 * hold file handles and memory without bound, and one client could take every slot. Thread-safe.
 */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int limit;
    private final int perClient;
    private final boolean keyByToken;
    private final Duration retryAfter;
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

    public StreamLimiter(int limit, Duration retryAfter) {
        this(limit, 0, retryAfter, false);
    }

    /** {@code perClient} 0: no per-client cap; {@code keyByToken}: access tokens are on, a client is its token. */
    public StreamLimiter(int limit, int perClient, Duration retryAfter, boolean keyByToken) {
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.perClient = perClient;
        this.keyByToken = keyByToken;
        this.retryAfter = retryAfter;
    }

    /** Takes a permit for the current request's client; the returned handle gives it back (once). */
    public AutoCloseable acquire() {
        return acquire(ClientKey.current(keyByToken));
    }

    /** Takes a permit for {@code client} (null: counted only in the total); the handle gives it back (once). */
    public AutoCloseable acquire(String client) {
        String key = perClient > 0 ? client : null;
        if (key != null && byClient.merge(key, 1, Integer::sum) > perClient) {
            byClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            throw refused(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "this client has " + perClient
                    + " pixel queries in flight already (hicserve.max-streams-per-client); retry later");
        }
        if (!permits.tryAcquire()) {
            if (key != null) {
                byClient.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "saturated",
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

    private ApiException refused(HttpStatus status, String code, String message) {
        return new ApiException(status, code, message,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    public int inFlight() {
        return limit - permits.availablePermits();
    }

    /** Answers in flight for one client (0 when it has none). */
    public int inFlight(String client) {
        return byClient.getOrDefault(client, 0);
    }
}
