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
 * @param secret the secret every call to a worker carries; null: a random one for local workers (remote ones
 *        then cannot be used, since they could not know it)
 * @param restartBackoff first wait before restarting a worker whose start failed; doubles up to 30 s
 */
public record WorkerSettings(int local, List<String> remote, Duration taskTimeout, Duration startTimeout, String jvmOptions,
        String secret, Duration restartBackoff) {
    public WorkerSettings {
        remote = remote == null ? List.of() : remote.stream().filter(s -> !s.isBlank()).toList();
        restartBackoff = restartBackoff == null ? Duration.ofMillis(500) : restartBackoff;
        secret = secret == null || secret.isBlank() ? null : secret;
    }

    public WorkerSettings(int local, List<String> remote, Duration taskTimeout, Duration startTimeout, String jvmOptions) {
        this(local, remote, taskTimeout, startTimeout, jvmOptions, null, null);
    }

    public boolean enabled() {
        return local > 0 || !remote.isEmpty();
    }

    @Override
    public String toString() { // never print the secret
        return "WorkerSettings[local=" + local + ", remote=" + remote + ", taskTimeout=" + taskTimeout + ", secret="
                + (secret == null ? "unset" : "***") + "]";
    }
}
