package org.hicserve.service.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hicserve.*} (README: configuration table).
 *
 * @param dataDir the folder whose .cool/.mcool/.hic files are served, or an {@code s3://bucket/prefix/} or
 *     {@code http(s)://} base address; unset: the bundled {@code test-data/}
 * @param threads size of the executor that runs per-chromosome work of {@code cis}; 0 = number of cores
 * @param maxConcurrentStreams pixel and cis answers in flight at once; more get 503 with Retry-After
 * @param retryAfter what Retry-After says when saturated
 * @param batchRows most rows per Arrow record batch
 * @param queueBatches batches a cis task may read ahead of the response before it waits
 * @param jsonMaxRows largest answer served as JSON (413 beyond)
 * @param metadataCacheFiles files whose parsed metadata stays cached
 * @param denseMaxCells largest region served as a dense .npy matrix, in cells (413 beyond)
 * @param pngMaxCells largest region drawn as a PNG heatmap, in cells (413 beyond)
 * @param executor default executor of cis requests: {@code threads}, {@code processes} or {@code auto}
 * @param workers worker processes (local and remote) for {@code executor=processes}
 * @param auth optional bearer-token access control
 * @param maxQueryBins most bins on either side of a pixels query (413 beyond)
 * @param validateOnOpen check a file cheaply when it is first opened and refuse it (422) if broken
 * @param decodeThreads threads that decode chunks (cooler) and blocks (.hic) ahead of a query's reading thread, so
 *        that a second core inflates while the first filters and writes (0: none; -1: one per core)
 * @param requestDeadline longest a pixels or cis answer may take; past it the answer is aborted
 * @param maxStreamsPerClient pixel and cis answers in flight for one client (its token, else its address); 0: no cap
 * @param writeStallTimeout longest a write to a client may block (a client that stopped reading); the answer is
 *        then aborted and what it held released
 * @param blockCacheSize the bound of the decoded blocks (.hic) and pixel chunks (cooler) shared by every request, so
 *        that overlapping and nearby queries inflate them once; 0 turns the cache off
 * @param remote how files of a remote data source are read (block cache, timeouts, retries)
 * @param s3 the S3 store of an {@code s3://} data source
 * @param http the files of an {@code http(s)://} data source
 * @param roots several data sources at once, by name ({@code hicserve.roots.lab=s3://bucket/hic/}): files are then
 *     named {@code lab/...}; when set, {@code dataDir} is not served
 * @param autoProcessesAbove the crossover of {@code executor=auto}, in estimated pixels: a cis request estimated
 *     (from the file's indexes) to answer more goes to the worker processes, anything else to threads
 */
@ConfigurationProperties("hicserve")
public record HicServeProperties(
        String dataDir,
        @DefaultValue("0") int threads,
        @DefaultValue("16") int maxConcurrentStreams,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("32768") int batchRows,
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
        @DefaultValue("-1") int decodeThreads,
        @DefaultValue("8") int maxStreamsPerClient,
        @DefaultValue("30s") Duration writeStallTimeout,
        @DefaultValue("64MB") org.springframework.util.unit.DataSize blockCacheSize,
        @DefaultValue Remote remote,
        @DefaultValue S3 s3,
        @DefaultValue Http http,
        java.util.Map<String, String> roots,
        @DefaultValue("100000000") long autoProcessesAbove) {

    /**
     * @param blockSize bytes per cached block of a remote file
     * @param cacheSize the bound of the block cache shared by all remote files
     * @param connectTimeout longest wait for a connection to the store
     * @param readTimeout longest wait for one answer of the store (headers, then body)
     * @param retries further tries of a failed read (5xx, 429, dropped connection, timeout), with backoff
     * @param retryBackoff the first wait before a retry (doubling, with jitter)
     * @param trustStore a PEM file of CA certificates HTTPS stores are trusted by (unset: the JDK's)
     */
    public record Remote(@DefaultValue("64KB") org.springframework.util.unit.DataSize blockSize,
            @DefaultValue("256MB") org.springframework.util.unit.DataSize cacheSize,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("3") int retries, @DefaultValue("200ms") Duration retryBackoff, Path trustStore) {
    }

    /**
     * @param endpoint an S3-compatible store's URL; empty: AWS
     * @param region the region requests are signed for (empty: {@code AWS_REGION}, else us-east-1)
     * @param pathStyle {@code endpoint/bucket/key} addresses instead of {@code bucket.endpoint/key}
     */
    public record S3(@DefaultValue("") String endpoint, @DefaultValue("") String region,
            @DefaultValue("false") boolean pathStyle) {
    }

    /** @param files the files of an {@code http(s)://} data source; empty: those its index page links to */
    public record Http(@DefaultValue("") java.util.List<String> files) {
    }

    /** The remote settings as the remote package takes them. */
    public org.hicserve.service.remote.RemoteSettings remoteSettings() {
        String region = s3.region().isBlank() && System.getenv("AWS_REGION") != null ? System.getenv("AWS_REGION")
                : s3.region();
        return new org.hicserve.service.remote.RemoteSettings((int) remote.blockSize().toBytes(),
                remote.cacheSize().toBytes(), remote.connectTimeout(), remote.readTimeout(), remote.retries(),
                remote.retryBackoff(), s3.endpoint(), region, s3.pathStyle(), http.files(), remote.trustStore());
    }

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

    /** Decoder threads: {@code decodeThreads}, or one per core when it is negative; 0 turns decoding ahead off. */
    public int effectiveDecodeThreads() {
        return decodeThreads < 0 ? Runtime.getRuntime().availableProcessors() : decodeThreads;
    }
}
