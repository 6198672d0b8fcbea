package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a tiny {@link HttpServer} serving hand-made answers: a valid Arrow stream made here, the same
 * stream cut before its end-of-stream marker, cut inside a batch, or aborted mid-body; error bodies; headers.
 */
class HandMadeServerTest {
    static final int BATCHES = 3;
    static final int ROWS = 1000;
    static byte[] arrow;
    static HttpServer server;
    static HicClient client;
    static final AtomicInteger pixelRequests = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
    /** Path and raw query of each pixels and expected request, in arrival order. */
    static final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws IOException {
        arrow = arrowStream();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/pixels", HandMadeServerTest::pixels);
        server.createContext("/api/v1/describe", e -> {
            authorizations.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
            send(e, 200, "application/json", """
                    {"name":"fake.mcool","format":"mcool","format_version":"3","assembly":"unknown",
                     "resolutions":[1000],"chromosomes":[{"name":"chrA","length":1000000},{"name":"chrB","length":2500}],
                     "normalizations":["NONE"],"normalizations_by_resolution":{"1000":[]},"count_type":"int32"}""");
        });
        server.createContext("/api/v1/files", e -> send(e, 502, "text/html", "<html>bad gateway</html>"));
        server.createContext("/api/v1/expected", e -> {
            sent.add(e.getRequestURI().getRawPath() + "?" + e.getRequestURI().getRawQuery());
            send(e, 404, "application/json", "{\"error\":\"unknown_file\",\"message\":\"no such file\"}");
        });
        server.start();
        client = HicClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .token("s3cret").timeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** A valid stream of the API's unjoined schema: {@value #BATCHES} batches of {@value #ROWS} rows, then the end marker. */
    static byte[] arrowStream() throws IOException {
        Schema schema = new Schema(List.of(
                new Field("bin1_id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
                new Field("bin2_id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
                new Field("count", FieldType.notNullable(new ArrowType.Int(32, true)), null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator mem = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(schema, mem);
                ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            w.start();
            for (int b = 0; b < BATCHES; b++) {
                BigIntVector b1 = (BigIntVector) root.getVector(0);
                BigIntVector b2 = (BigIntVector) root.getVector(1);
                IntVector c = (IntVector) root.getVector(2);
                b1.allocateNew(ROWS);
                b2.allocateNew(ROWS);
                c.allocateNew(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    b1.set(i, b * ROWS + i);
                    b2.set(i, b * ROWS + i + 1);
                    c.set(i, 1 + i % 7);
                }
                root.setRowCount(ROWS);
                w.writeBatch();
            }
            w.end();
        }
        return out.toByteArray();
    }

    static long expectedSum() {
        long s = 0;
        for (int b = 0; b < BATCHES; b++) {
            for (int i = 0; i < ROWS; i++) {
                s += 1 + i % 7;
            }
        }
        return s;
    }

    private static void pixels(HttpExchange e) throws IOException {
        pixelRequests.incrementAndGet();
        authorizations.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
        String query = e.getRequestURI().getRawQuery();
        sent.add(e.getRequestURI().getRawPath() + "?" + query);
        String file = query.replaceAll(".*file=([^&]*).*", "$1");
        String type = HicClient.ARROW_STREAM;
        switch (file) {
            case "full" -> sendBytes(e, 200, type, arrow);
            case "no-marker" -> sendBytes(e, 200, type, Arrays.copyOf(arrow, arrow.length - 8));
            case "half-marker" -> sendBytes(e, 200, type, Arrays.copyOf(arrow, arrow.length - 4));
            case "mid-batch" -> sendBytes(e, 200, type, Arrays.copyOf(arrow, arrow.length / 2));
            case "schema-only" -> sendBytes(e, 200, type, Arrays.copyOf(arrow, 40));
            case "empty" -> sendBytes(e, 200, type, new byte[0]);
            case "aborted-chunked" -> abort(e, 0);
            case "aborted-length" -> abort(e, arrow.length);
            case "marker-then-aborted" -> abortAfter(e, arrow.length);
            case "not-arrow" -> send(e, 200, "text/html", "<html>hello</html>");
            case "saturated" -> {
                e.getResponseHeaders().add("Retry-After", "2");
                send(e, 503, "application/json", "{\"error\":\"saturated\",\"message\":\"too many streams in flight\"}");
            }
            default -> send(e, 404, "application/json", "{\"error\":\"unknown_file\",\"message\":\"no file " + file + "\"}");
        }
    }

    /** Sends half the stream, then drops the connection (the handler fails: the server closes it). */
    private static void abort(HttpExchange e, long declaredLength) throws IOException {
        e.getResponseHeaders().add("Content-Type", HicClient.ARROW_STREAM);
        e.sendResponseHeaders(200, declaredLength);
        OutputStream out = e.getResponseBody();
        out.write(arrow, 0, arrow.length / 2);
        out.flush();
        throw new IOException("simulated failure after the first byte");
    }

    /** Sends the whole stream, marker included, then drops the chunked response before its last chunk. */
    private static void abortAfter(HttpExchange e, int bytes) throws IOException {
        e.getResponseHeaders().add("Content-Type", HicClient.ARROW_STREAM);
        e.sendResponseHeaders(200, 0);
        OutputStream out = e.getResponseBody();
        out.write(arrow, 0, bytes);
        out.flush();
        try {
            Thread.sleep(100); // the client has read the marker and now waits for the end of the body
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("simulated failure after the end marker");
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        sendBytes(e, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange e, int status, String type, byte[] body) throws IOException {
        e.getResponseHeaders().add("Content-Type", type);
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    private static Query q(String file) {
        return Query.of(file).resolution(1000).range1("chrA");
    }

    /** What each call puts on the wire: every parameter under its API name, in one order, defaults left out. */
    @Test
    void eachCallSendsItsParametersUnderTheirApiNames() {
        sent.clear();
        client.pixels(q("full").normalization("KR").matrixType(MatrixType.OE).querySpan(QuerySpan.FULL)).close();
        assertThatThrownBy(() -> client.expected("nope.hic", 5000, " KR ", "chr1", "chr2"))
                .isInstanceOf(HicServeHttpException.class);
        assertThatThrownBy(() -> client.expected("nope.hic", 0, null)).isInstanceOf(HicServeHttpException.class);
        assertThat(sent).containsExactly(
                "/api/v1/pixels?file=full&resolution=1000&range1=chrA&normalization=KR&query_span=full&matrix_type=oe"
                        + "&format=arrow",
                "/api/v1/expected?file=nope.hic&resolution=5000&normalization=KR&chromosomes=chr1%2Cchr2&format=tsv",
                "/api/v1/expected?file=nope.hic&format=tsv");
    }

    @Test
    void theMadeStreamEndsWithTheMarkerAndReadsWhole() {
        assertThat(Arrays.copyOfRange(arrow, arrow.length - 8, arrow.length))
                .containsExactly(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);
        try (PixelStream s = client.pixels(q("full"))) {
            int batches = 0;
            while (s.nextBatch()) {
                batches++;
                assertThat(s.rowCount()).isEqualTo(ROWS);
            }
            assertThat(batches).isEqualTo(BATCHES);
            assertThat(s.bytesRead()).isEqualTo(arrow.length);
            assertThat(s.nextBatch()).isFalse();
        }
        CooMatrix m = client.coo(q("full"));
        assertThat(m.size()).isEqualTo(BATCHES * ROWS);
        assertThat(m.sum()).isEqualTo(expectedSum());
        try (Stream<Pixel> pixels = client.pixels(q("full")).pixels()) {
            assertThat(pixels.mapToDouble(Pixel::count).sum()).isEqualTo(expectedSum());
        }
    }

    @Test
    void javasOwnReaderTakesAStreamWithoutItsMarkerForComplete() throws IOException {
        // why the client checks the marker itself
        try (BufferAllocator mem = new RootAllocator();
                ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(Arrays.copyOf(arrow, arrow.length - 8)), mem)) {
            int batches = 0;
            while (r.loadNextBatch()) {
                batches++;
            }
            assertThat(batches).isEqualTo(BATCHES);
        }
    }

    @Test
    void aStreamWithoutItsEndMarkerIsTruncated() {
        for (String file : List.of("no-marker", "half-marker")) {
            try (PixelStream s = client.pixels(q(file))) {
                for (int i = 0; i < BATCHES; i++) {
                    assertThat(s.nextBatch()).isTrue();
                }
                assertThatThrownBy(s::nextBatch).as(file).isInstanceOfSatisfying(TruncatedStreamException.class,
                        e -> assertThat(e.getMessage()).contains("incomplete", "3000 rows"));
                assertThatThrownBy(s::nextBatch).isInstanceOf(IllegalStateException.class);
            }
            assertThatThrownBy(() -> client.coo(q(file))).isInstanceOf(TruncatedStreamException.class);
            assertThatThrownBy(() -> {
                try (Stream<Pixel> p = client.pixels(q(file)).pixels()) {
                    p.count();
                }
            }).isInstanceOf(TruncatedStreamException.class);
        }
    }

    @Test
    void aStreamCutAnywhereElseIsTruncated() {
        // marker-then-aborted: what the service does today when a cis answer fails late (ArrowWriter.close() writes
        // the end marker before the connection is aborted): the client also needs the body's clean end
        for (String file : List.of("mid-batch", "schema-only", "empty", "aborted-chunked", "aborted-length",
                "marker-then-aborted")) {
            assertThatThrownBy(() -> client.coo(q(file))).as(file).isInstanceOfSatisfying(TruncatedStreamException.class,
                    e -> assertThat(e.getMessage()).contains("incomplete", "bytes"));
        }
    }

    @Test
    void anAnswerThatIsNotArrowIsRefused() {
        assertThatThrownBy(() -> client.pixels(q("not-arrow"))).isInstanceOf(HicServeException.class)
                .isNotInstanceOf(TruncatedStreamException.class).hasMessageContaining("text/html");
    }

    @Test
    void errorBodiesAndHeadersAreParsed() {
        assertThatThrownBy(() -> client.pixels(q("saturated"))).isInstanceOfSatisfying(HicServeHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("saturated");
            assertThat(e.getMessage()).isEqualTo("too many streams in flight");
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
        });
        assertThatThrownBy(client::files).isInstanceOfSatisfying(HicServeHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.code()).isEqualTo("http_502");
            assertThat(e.getMessage()).contains("bad gateway");
            assertThat(e.retryAfter()).isEmpty();
        });
    }

    @Test
    void anInterruptedCallRestoresTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.describe("fake.mcool")).isInstanceOfSatisfying(HicServeTransportException.class,
                    e -> assertThat(e.getCause()).isInstanceOf(InterruptedException.class));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(client.describe("fake.mcool").name()).isEqualTo("fake.mcool");
    }

    @Test
    void theTokenIsSentAsABearerHeader() {
        authorizations.clear();
        client.describe("fake.mcool");
        client.coo(q("full"));
        assertThat(authorizations).containsOnly("Bearer s3cret").hasSize(2);
    }

    @Test
    void describeIsTypedAndDenseIsRefusedBeforeAnyPixelIsAsked() {
        Description d = client.describe("fake.mcool");
        assertThat(d.resolutions()).containsExactly(1000);
        assertThat(d.chromosomes()).containsExactly(new Chromosome("chrA", 1_000_000), new Chromosome("chrB", 2500));
        assertThat(d.normalizationsByResolution()).isEqualTo(Map.of(1000, List.of()));
        assertThat(d.countType()).isEqualTo("int32");
        assertThat(d.firstBinId("chrB", 1000)).isEqualTo(1000);
        int before = pixelRequests.get();
        assertThatThrownBy(() -> client.dense(Query.of("fake.mcool").range1("chrA"), 999_999))
                .isInstanceOfSatisfying(MatrixTooLargeException.class, e -> {
                    assertThat(e.rows()).isEqualTo(1000);
                    assertThat(e.columns()).isEqualTo(1000);
                });
        assertThatThrownBy(() -> client.dense(Query.of("fake.mcool").range1("chrA").range2("chrB"), 2999))
                .isInstanceOf(MatrixTooLargeException.class);
        assertThat(pixelRequests.get()).isEqualTo(before);
    }
}
