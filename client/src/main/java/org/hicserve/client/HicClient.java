package org.hicserve.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Client of a hicserve service (the HTTP API of API.md), built on {@link java.net.http.HttpClient}.
 *
 * <pre>{@code
 * try (HicClient client = HicClient.builder().baseUrl("http://localhost:8080").timeout(Duration.ofSeconds(10)).build()) {
 *     Description d = client.describe("sample.mcool");
 *     Query q = Query.of("sample.mcool").resolution(100_000).range1("chr1").normalization("weight");
 *     try (PixelStream s = client.pixels(q)) {
 *         while (s.nextBatch()) consume(s.root());
 *     }
 *     double[][] m = client.dense(q.range1("chr1:0-5,000,000"));
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> a client is immutable and thread-safe; build one and share it (it holds a connection pool
 * and, unless {@link Builder#allocator(BufferAllocator)} was given, one Arrow {@link RootAllocator}). Each call
 * returns its own result; a {@link PixelStream} is read by one thread and closed with try-with-resources.
 *
 * <p><b>Errors</b> (all unchecked, under {@link HicServeException}): a non-2xx answer throws
 * {@link HicServeHttpException} with the status and the API's error code and message; a failed connection
 * {@link HicServeTransportException}; an answer cut before its end {@link TruncatedStreamException}. An interrupted
 * call restores the thread's interrupt flag and throws {@link HicServeTransportException}.
 *
 * <p>Arrow needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the JVM command line (Java 17+).
 */
public final class HicClient implements AutoCloseable {
    /** Media type of the Arrow IPC stream answers. */
    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** The parameters of {@code /api/v1/describe} and {@code /api/v1/expected}, in the order they are sent. */
    private static final Params DESCRIBE = Params.of(Param.FILE);
    private static final Params EXPECTED = Params.of(Param.FILE, Param.RESOLUTION, Param.NORMALIZATION,
            Param.CHROMOSOMES, Param.FORMAT);

    private final URI baseUri;
    private final String authorization;
    private final Duration timeout;
    private final long maxDenseCells;
    private final HttpClient http;
    private final BufferAllocator allocator;
    private final boolean ownsAllocator;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HicClient(Builder b) {
        this.baseUri = b.baseUri;
        this.authorization = b.token == null ? null : "Bearer " + b.token;
        this.timeout = b.timeout;
        this.maxDenseCells = b.maxDenseCells;
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NORMAL);
        if (b.executor != null) {
            http.executor(b.executor);
        }
        this.http = http.build();
        this.ownsAllocator = b.allocator == null;
        this.allocator = b.allocator == null ? new RootAllocator(b.maxMemoryBytes) : b.allocator;
    }

    /** A builder; {@link Builder#baseUrl(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The service's base URL, e.g. {@code http://localhost:8080/}. */
    public URI baseUrl() {
        return baseUri;
    }

    /** The servable files ({@code GET /api/v1/files}). */
    public List<FileInfo> files() {
        return Json.files(getJson("/api/v1/files", ""), "files");
    }

    /**
     * What a file holds ({@code GET /api/v1/describe}): resolutions, chromosomes, normalizations.
     *
     * @throws HicServeHttpException 404 {@code unknown_file} when the service has no such file
     */
    public Description describe(String file) {
        Params p = DESCRIBE.with(Param.FILE, BaseQuery.requireText(file, "file"));
        return Json.description(getJson("/api/v1/describe", p.queryString()), "describe " + file);
    }

    /**
     * The pixels of one query ({@code GET /api/v1/pixels}), streamed as Arrow record batches. Every check of the
     * query (file, resolution, regions, normalization) happens before this returns: a bad query throws here, with
     * nothing to close.
     *
     * @throws HicServeHttpException 400 for a malformed parameter or region, 404 for an unknown file, resolution,
     *     chromosome or normalization (the message lists what exists), 503 when the service is saturated
     */
    public PixelStream pixels(Query query) {
        return open("/api/v1/pixels", query.params(), query.toString());
    }

    /** All cis pixels of the chosen chromosomes ({@code GET /api/v1/cis}), streamed; see {@link #pixels(Query)}. */
    public PixelStream cis(CisQuery query) {
        return open("/api/v1/cis", query.params(), query.toString());
    }

    /**
     * The per-diagonal expected table ({@code GET /api/v1/expected}) of a file at a resolution, for a P(s) curve:
     * the .hic's stored vectors, or computed from a cooler's pixels (cooltools' rule). Small (one row per bin of
     * each chosen chromosome), so it is read whole.
     *
     * @param normalization {@code NONE} or a normalization the file has; null means NONE
     * @param chromosomes the chromosomes to include; none means all
     * @throws HicServeHttpException 404 for an unknown file, resolution, chromosome or normalization, or a .hic
     *     without the stored vector (the message lists what exists)
     */
    public java.util.List<ExpectedRow> expected(String file, int resolution, String normalization,
            String... chromosomes) {
        Params p = EXPECTED.with(Param.FILE, BaseQuery.requireText(file, "file")).with(Param.FORMAT, "tsv")
                .with(Param.CHROMOSOMES, java.util.Arrays.asList(chromosomes));
        if (resolution > 0) {
            p = p.with(Param.RESOLUTION, resolution);
        }
        if (normalization != null) {
            p = p.with(Param.NORMALIZATION, normalization.strip());
        }
        String what = "expected " + file;
        HttpRequest request = request("/api/v1/expected", p.queryString(), "text/tab-separated-values");
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), what);
        if (response.statusCode() / 100 != 2) {
            throw httpError(response, response.body(), what);
        }
        return ExpectedTsv.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), what);
    }

    /** {@link #pixels(Query)} or {@link #cis(CisQuery)}, whichever the query is. */
    public PixelStream stream(HicQuery query) {
        if (query instanceof Query q) {
            return pixels(q);
        }
        return cis((CisQuery) query);
    }

    /**
     * The whole answer as three primitive arrays (bin ids and values, in the order sent). The query is asked
     * without {@code join} (bin ids are what a COO matrix holds). Loads everything: mind the size of the answer.
     */
    public CooMatrix coo(HicQuery query) {
        try (PixelStream s = stream(query.join(false))) {
            int n = 0;
            long[] b1 = new long[1024];
            long[] b2 = new long[1024];
            double[] c = new double[1024];
            while (s.nextBatch()) {
                int rows = s.rowCount();
                if ((long) n + rows > Integer.MAX_VALUE - 16) {
                    throw new HicServeException("the answer of " + query + " has more than " + (Integer.MAX_VALUE - 16)
                            + " pixels, too many for arrays; read it with pixels() instead");
                }
                if (n + rows > c.length) {
                    int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) c.length * 2, (long) n + rows));
                    b1 = java.util.Arrays.copyOf(b1, capacity);
                    b2 = java.util.Arrays.copyOf(b2, capacity);
                    c = java.util.Arrays.copyOf(c, capacity);
                }
                for (int i = 0; i < rows; i++, n++) {
                    b1[n] = s.bin1(i);
                    b2[n] = s.bin2(i);
                    c[n] = s.count(i);
                }
            }
            return new CooMatrix(java.util.Arrays.copyOf(b1, n), java.util.Arrays.copyOf(b2, n), java.util.Arrays.copyOf(c, n));
        }
    }

    /** {@link #dense(Query, long)} with the builder's {@link Builder#maxDenseCells(long) maxDenseCells}. */
    public double[][] dense(Query query) {
        return dense(query, maxDenseCells);
    }

    /**
     * The region {@code range1 x range2} as a dense matrix: {@code m[i][j]} is the value of the {@code i}-th bin of
     * {@code range1} against the {@code j}-th bin of {@code range2}, 0 where there is no pixel (or the normalized value
     * is not finite). The bins of a region are every bin overlapping it (first = {@code start / resolution}, end =
     * {@code ceil(end / resolution)}, clipped to the chromosome). A cis region is filled in both triangles (the query
     * is asked with {@code query_span=full}); {@code join} is ignored. The matrix size is computed from
     * {@link #describe(String)} first, and the call refused before anything is downloaded when it exceeds
     * {@code maxCells}. Files with fixed-size bins only.
     *
     * @throws MatrixTooLargeException when {@code rows * columns > maxCells}
     * @throws IllegalArgumentException when the query has no {@code range1}, or no resolution for a multi-resolution
     *     file
     */
    public double[][] dense(Query query, long maxCells) {
        String range1 = query.range1().orElseThrow(() -> new IllegalArgumentException("a dense matrix needs range1: " + query));
        String range2 = query.range2().orElse(range1);
        Description d = describe(query.file());
        int resolution;
        if (query.resolution().isPresent()) {
            resolution = query.resolution().getAsInt();
        } else if (d.resolutions().size() == 1) {
            resolution = d.resolutions().get(0);
        } else {
            throw new IllegalArgumentException(query.file() + " has resolutions " + d.resolutions() + "; choose one");
        }
        Query asked = query.resolution(resolution).join(false).querySpan(QuerySpan.FULL);
        Optional<RegionBins> rows = d.resolutions().contains(resolution) ? RegionBins.of(d, resolution, range1)
                : Optional.empty();
        Optional<RegionBins> columns = rows.isEmpty() ? Optional.empty() : RegionBins.of(d, resolution, range2);
        if (rows.isEmpty() || columns.isEmpty()) {
            // not resolvable here (unknown name, bad region, ...): the service says what is wrong, before any byte
            try (PixelStream ignored = pixels(asked)) {
                throw new HicServeException("cannot size a dense matrix for " + query + " from the description of "
                        + query.file() + " (chromosomes " + d.chromosomes().stream().map(Chromosome::name).toList()
                        + ", resolutions " + d.resolutions() + ")");
            }
        }
        long nRows = rows.get().count();
        long nCols = columns.get().count();
        if (nRows > Integer.MAX_VALUE - 16 || nCols > Integer.MAX_VALUE - 16
                || (nRows > 0 && nCols > maxCells / nRows) || nRows * nCols > maxCells) {
            throw new MatrixTooLargeException("a dense matrix of " + query + " would be " + nRows + " x " + nCols
                    + " cells, more than the limit of " + maxCells, nRows, nCols, maxCells);
        }
        double[][] m = new double[(int) nRows][(int) nCols];
        long first1 = rows.get().first();
        long first2 = columns.get().first();
        try (PixelStream s = pixels(asked)) {
            while (s.nextBatch()) {
                for (int i = 0, n = s.rowCount(); i < n; i++) {
                    long r = s.bin1(i) - first1;
                    long c = s.bin2(i) - first2;
                    if (r < 0 || r >= nRows || c < 0 || c >= nCols) {
                        throw new HicServeException("pixel (" + s.bin1(i) + ", " + s.bin2(i) + ") of " + query
                                + " is outside the expected bins [" + first1 + ", " + (first1 + nRows) + ") x [" + first2
                                + ", " + (first2 + nCols) + "); does the file have variable-size bins?");
                    }
                    m[(int) r][(int) c] = s.count(i);
                }
            }
        }
        return m;
    }

    /** Releases the client's own Arrow allocator (not one given to the builder). Streams must be closed first. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsAllocator) {
            allocator.close();
        }
    }

    private PixelStream open(String path, Params query, String what) {
        HttpRequest request = request(path, query.with(Param.FORMAT, "arrow").queryString(), ARROW_STREAM);
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            byte[] error;
            try (body) {
                error = body.readNBytes(ERROR_BODY_LIMIT);
            } catch (IOException e) {
                error = new byte[0];
            }
            throw httpError(response, error, what);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(ARROW_STREAM)) {
            try {
                body.close();
            } catch (IOException ignored) {
                // the answer is refused anyway
            }
            throw new HicServeException("the answer of " + what + " is '" + type + "', not " + ARROW_STREAM);
        }
        try {
            return PixelStream.open(what, body, allocator);
        } catch (RuntimeException e) {
            try {
                body.close(); // already closed unless the stream could not even be set up
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private byte[] getJson(String path, String queryString) {
        HttpRequest request = request(path, queryString, "application/json");
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), path);
        if (response.statusCode() / 100 != 2) {
            throw httpError(response, response.body(), path);
        }
        return response.body();
    }

    private HttpRequest request(String path, String queryString, String accept) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        String base = baseUri.toString();
        URI uri = URI.create(base.substring(0, base.length() - 1) + path + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", accept)
                .header("User-Agent", "hicserve-client");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new HicServeTransportException("request " + what + " to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HicServeTransportException("interrupted while waiting for " + request.uri(), e);
        }
    }

    private static HicServeHttpException httpError(HttpResponse<?> response, byte[] body, String what) {
        int status = response.statusCode();
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(HicClient::seconds).orElse(null);
        Optional<String[]> parsed = Json.error(body);
        if (parsed.isPresent()) {
            return new HicServeHttpException(status, parsed.get()[0], parsed.get()[1], retryAfter);
        }
        String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8).strip();
        return new HicServeHttpException(status, "http_" + status,
                "status " + status + " for " + what + (text.isEmpty() ? "" : ": " + text), retryAfter);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Builds a {@link HicClient}. Not thread-safe; the client it builds is. */
    public static final class Builder {
        private URI baseUri;
        private String token;
        private Duration timeout = Duration.ofSeconds(30);
        private long maxDenseCells = 25_000_000L;
        private long maxMemoryBytes = Long.MAX_VALUE;
        private Executor executor;
        private BufferAllocator allocator;

        private Builder() {
        }

        /** The service, e.g. {@code http://localhost:8080} (a path prefix is kept: {@code https://host/hicserve}). */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, not '" + baseUrl + "'");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment: '" + baseUrl + "'");
            }
            this.baseUri = uri;
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>} with every request. */
        public Builder token(String token) {
            this.token = BaseQuery.requireText(token, "token");
            return this;
        }

        /**
         * Time to connect and to receive an answer's status and headers (default 30 s). It does not bound how long a
         * streamed answer takes to read: a large answer may stream for minutes.
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Largest matrix {@link HicClient#dense(Query)} builds (default 25,000,000 cells = 200 MB of doubles). */
        public Builder maxDenseCells(long maxCells) {
            if (maxCells <= 0) {
                throw new IllegalArgumentException("maxDenseCells must be positive, not " + maxCells);
            }
            this.maxDenseCells = maxCells;
            return this;
        }

        /** Most Arrow memory all open streams of the client's own allocator may hold (default unlimited). */
        public Builder maxMemoryBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMemoryBytes must be positive, not " + bytes);
            }
            this.maxMemoryBytes = bytes;
            return this;
        }

        /** The executor of the JDK HTTP client (default: its own). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Arrow memory from the application's allocator (each stream takes a child of it); the client then does not
         * close it. Default: the client's own {@link RootAllocator}, closed by {@link HicClient#close()}.
         */
        public Builder allocator(BufferAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            return this;
        }

        /** The client; {@link #baseUrl(String)} must have been set. */
        public HicClient build() {
            if (baseUri == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            return new HicClient(this);
        }
    }
}
