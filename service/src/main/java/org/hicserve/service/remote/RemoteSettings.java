package org.hicserve.service.remote;

import java.time.Duration;
import java.util.List;

/**
 * How remote files are read (README, "Serving from object storage").
 *
 * @param blockSize bytes per cached block; reads are rounded out to whole blocks and runs of missing blocks are
 *     fetched with one ranged GET
 * @param cacheBytes the block cache's bound, shared by every file and request
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for one answer (its headers, and then its whole body)
 * @param retries further tries of a failed GET or HEAD (5xx, 429, dropped connection, timeout), with backoff
 * @param retryBackoff the first backoff; each retry doubles it (with jitter)
 * @param s3Endpoint an S3-compatible store's URL; empty: AWS ({@code https://s3.REGION.amazonaws.com})
 * @param s3Region the region requests are signed for
 * @param s3PathStyle {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}
 * @param httpFiles for an HTTP(S) base URL: the files it serves; empty: read the base URL's index page
 * @param trustStore a PEM file of the CA certificates HTTPS stores are trusted by (an internal CA); null: the JDK's
 */
public record RemoteSettings(int blockSize, long cacheBytes, Duration connectTimeout, Duration readTimeout, int retries,
        Duration retryBackoff, String s3Endpoint, String s3Region, boolean s3PathStyle, List<String> httpFiles,
        java.nio.file.Path trustStore) {

    /** Settings that trust the JDK's certificate authorities. */
    public RemoteSettings(int blockSize, long cacheBytes, Duration connectTimeout, Duration readTimeout, int retries,
            Duration retryBackoff, String s3Endpoint, String s3Region, boolean s3PathStyle, List<String> httpFiles) {
        this(blockSize, cacheBytes, connectTimeout, readTimeout, retries, retryBackoff, s3Endpoint, s3Region, s3PathStyle,
                httpFiles, null);
    }

    public RemoteSettings withTrustStore(java.nio.file.Path pem) {
        return new RemoteSettings(blockSize, cacheBytes, connectTimeout, readTimeout, retries, retryBackoff, s3Endpoint,
                s3Region, s3PathStyle, httpFiles, pem);
    }

    public RemoteSettings {
        if (blockSize < 4096) {
            throw new IllegalArgumentException("hicserve.remote.block-size must be at least 4096 bytes, not " + blockSize);
        }
        s3Endpoint = s3Endpoint == null ? "" : s3Endpoint.strip();
        s3Region = s3Region == null || s3Region.isBlank() ? "us-east-1" : s3Region.strip();
        httpFiles = httpFiles == null ? List.of() : List.copyOf(httpFiles);
    }

    /**
     * The settings of the command line: system properties {@code hicserve.s3.endpoint}, {@code hicserve.s3.region},
     * {@code hicserve.s3.path-style}, else the AWS variables {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL}
     * and {@code AWS_REGION}; defaults for the rest.
     */
    public static RemoteSettings fromSystem() {
        String endpoint = firstSet(System.getProperty("hicserve.s3.endpoint"), System.getenv("AWS_ENDPOINT_URL_S3"),
                System.getenv("AWS_ENDPOINT_URL"));
        String region = firstSet(System.getProperty("hicserve.s3.region"), System.getenv("AWS_REGION"),
                System.getenv("AWS_DEFAULT_REGION"));
        String pathStyle = System.getProperty("hicserve.s3.path-style");
        boolean path = pathStyle != null ? Boolean.parseBoolean(pathStyle) : !endpoint.isEmpty();
        return new RemoteSettings(64 * 1024, 64L << 20, Duration.ofSeconds(10), Duration.ofSeconds(30), 3,
                Duration.ofMillis(200), endpoint, region, path, List.of());
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
