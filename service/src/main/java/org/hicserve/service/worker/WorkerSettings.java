package org.hicserve.service.worker;

import java.time.Duration;
import java.util.List;

/**
 * How many local worker processes to start, which remote workers to use, and their time limits.
 *
 * @param local worker processes started by the service (0: none)
 * @param remote addresses {@code host:port} of workers started by hand elsewhere (same file paths on shared storage)
 * @param taskTimeout longest a chromosome task may take on a worker before the worker is deemed hung
 * @param startTimeout longest a worker may take to start listening
 * @param jvmOptions options of the worker JVMs (e.g. heap size)
 */
public record WorkerSettings(int local, List<String> remote, Duration taskTimeout, Duration startTimeout, String jvmOptions) {
    public WorkerSettings {
        remote = remote == null ? List.of() : remote.stream().filter(s -> !s.isBlank()).toList();
    }

    public boolean enabled() {
        return local > 0 || !remote.isEmpty();
    }
}
