package org.hicserve.service.query;

import java.time.Duration;
import org.hicserve.service.error.ServiceException;

/** The latest moment a request may still be working; past it, it stops (503 before the answer, an abort after). */
public record Deadline(long nanos, Duration limit) {
    public static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    public boolean passed() {
        return System.nanoTime() - nanos > 0;
    }

    public void check() {
        if (passed()) {
            throw new ServiceException(ServiceException.Kind.DEADLINE_EXCEEDED, "deadline_exceeded",
                    "the request ran past its deadline of " + limit + " (hicserve.request-deadline)");
        }
    }
}
