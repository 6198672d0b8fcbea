package org.hicserve.service.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hicserve.*} (README: configuration table).
 *
 * @param dataDir the folder whose .cool/.mcool/.hic files are served; unset: the bundled {@code test-data/}
 * @param threads size of the executor that runs per-chromosome work of {@code cis}; 0 = number of cores
 * @param maxConcurrentStreams pixel and cis answers in flight at once; more get 503 with Retry-After
 * @param retryAfter what Retry-After says when saturated
 * @param batchRows most rows per Arrow record batch
 * @param queueBatches batches a cis task may read ahead of the response before it waits
 * @param jsonMaxRows largest answer served as JSON (413 beyond)
 * @param metadataCacheFiles files whose parsed metadata stays cached
 * @param denseMaxCells largest region served as a dense .npy matrix, in cells (413 beyond)
 * @param pngMaxCells largest region drawn as a PNG heatmap, in cells (413 beyond)
 * @param executor default executor of cis requests: {@code threads} or {@code processes}
 * @param workers worker processes (local and remote) for {@code executor=processes}
 * @param auth optional bearer-token access control
 * @param maxQueryBins most bins on either side of a pixels query (413 beyond)
 * @param validateOnOpen check a file cheaply when it is first opened and refuse it (422) if broken
 * @param decodeThreads threads that decode chunks ahead of a pixels query's reading thread (0: none)
 * @param requestDeadline longest a pixels or cis answer may take; past it the answer is aborted
 * @param maxStreamsPerClient pixel and cis answers in flight for one client (its token, else its address); 0: no cap
 * @param writeStallTimeout longest a write to a client may block (a client that stopped reading); the answer is
 *        then aborted and what it held released
 */
@ConfigurationProperties("hicserve")
public record HicServeProperties(
        Path dataDir,
        @DefaultValue("0") int threads,
        @DefaultValue("16") int maxConcurrentStreams,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("262144") int batchRows,
        @DefaultValue("4") int queueBatches,
        @DefaultValue("1000000") long jsonMaxRows,
        @DefaultValue("64") int metadataCacheFiles,
        @DefaultValue("4000000") long denseMaxCells,
        @DefaultValue("1000000") long pngMaxCells,
        @DefaultValue("threads") String executor,
        @DefaultValue Workers workers,
        @DefaultValue Auth auth,
        @DefaultValue("5000000") long maxQueryBins,
        @DefaultValue("30m") Duration requestDeadline,
        @DefaultValue("true") boolean validateOnOpen,
        @DefaultValue("0") int decodeThreads,
        @DefaultValue("8") int maxStreamsPerClient,
        @DefaultValue("30s") Duration writeStallTimeout) {

    /**
     * @param tokens entries {@code TOKEN} or {@code TOKEN:folder1|folder2}; none means no access control
     * @param tokenFile a file of such entries, one per line
     * @param openMetrics whether /actuator/prometheus is readable without a token
     */
    public record Auth(@DefaultValue("") java.util.List<String> tokens, Path tokenFile,
            @DefaultValue("false") boolean openMetrics) {
    }

    /**
     * @param local worker processes the service starts (0: none)
     * @param remote {@code host:port} of workers started by hand on other hosts ({@code hicserve.jar worker --host H --port P})
     * @param taskTimeout a task running longer marks its worker as hung (killed, replaced, task retried)
     * @param startTimeout longest a worker may take to start
     * @param jvmOptions options for the worker JVMs
     * @param secret shared secret every call to a worker must carry (remote workers get it from their environment,
     *        {@code HICSERVE_WORKER_SECRET}); unset: local workers get a random one per service start
     * @param restartBackoff first wait before restarting a worker that failed to start (doubling, up to 30 s)
     */
    public record Workers(@DefaultValue("0") int local, @DefaultValue("") java.util.List<String> remote,
            @DefaultValue("10m") Duration taskTimeout, @DefaultValue("60s") Duration startTimeout,
            @DefaultValue("-Xmx512m -XX:+UseSerialGC") String jvmOptions, String secret,
            @DefaultValue("500ms") Duration restartBackoff) {
        @Override
        public String toString() { // never print the secret
            return "Workers[local=" + local + ", remote=" + remote + ", secret=" + (secret == null ? "unset" : "***") + "]";
        }
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
