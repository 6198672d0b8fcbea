package org.hicserve.service.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a plan's tasks run: threads of this service, or worker processes. {@link #AUTO} is a request only: the
 * planner resolves it per request to one of the other two (a {@link QueryPlan} always runs on a real one).
 */
public enum Executor {
    THREADS, PROCESSES, AUTO;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Executor> parse(String name) {
        for (Executor e : values()) {
            if (e.apiName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
