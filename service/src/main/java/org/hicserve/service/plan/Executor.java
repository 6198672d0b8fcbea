package org.hicserve.service.plan;

import java.util.Locale;
import java.util.Optional;

/** Where a plan's tasks run: threads of this service, or worker processes. */
public enum Executor {
    THREADS, PROCESSES;

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
