package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hicserve.service.web.HttpFixture.params;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.testing.Corruption;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.files.ReaderHandles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What happens around a stream: a failure after the first byte aborts the connection (never a clean short
 * answer), a client that goes away cancels the work and releases every handle, and past the saturation limit a
 * request is refused with 503 and Retry-After.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hicserve.max-concurrent-streams=1", "hicserve.batch-rows=2000", "hicserve.threads=2"})
class StreamingHttpTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws Exception {
        TestData.copySamples(dataDir, "sample.mcool");
        Path broken = dataDir.resolve("late-corruption.mcool");
        Files.copy(TestData.sample("sample.mcool"), broken);
        Corruption.overwriteLastChunk(broken, "/resolutions/5000/pixels/bin2_id"); // chrX, the last chromosome
        registry.add("hicserve.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReaderHandles handles;
    @Autowired
    MeterRegistry registry;
    HttpFixture http;

    @BeforeEach
    void client() throws InterruptedException {
        http = new HttpFixture(port);
        awaitIdle();
    }

    @Test
    void aFailureAfterTheFirstByteAbortsTheConnection() throws Exception {
        HttpResponse<InputStream> r = http.stream("/api/v1/cis", params("file", "late-corruption.mcool", "resolution", 5000));
        assertThat(r.statusCode()).isEqualTo(200); // chr1 streams before chrX is reached
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = r.body()) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    received.write(buf, 0, n);
                }
            }
        }).isInstanceOf(IOException.class);
        // what did arrive must not end like a complete Arrow stream (end-of-stream marker 0xFFFFFFFF 0x00000000),
        // or readers that stop at the marker would take a short answer for a whole one
        byte[] got = received.toByteArray();
        assertThat(got.length).isGreaterThan(8);
        byte[] tail = java.util.Arrays.copyOfRange(got, got.length - 8, got.length);
        assertThat(tail).isNotEqualTo(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
        awaitIdle();
        // and the same chromosome asked alone fails cleanly, before any byte
        HttpResponse<byte[]> alone = http.get("/api/v1/pixels", params("file", "late-corruption.mcool", "resolution", 5000,
                "range1", "chrX"));
        assertThat(alone.statusCode()).isEqualTo(422);
        assertThat(new String(alone.body(), StandardCharsets.UTF_8)).contains("unreadable_file");
    }

    @Test
    void aClientThatLeavesCancelsTheWorkAndReleasesHandles() throws Exception {
        HttpResponse<InputStream> r = http.stream("/api/v1/cis", params("file", "sample.mcool", "resolution", 5000,
                "format", "tsv", "join", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        try (InputStream in = r.body()) {
            assertThat(in.readNBytes(4096)).hasSize(4096);
        }
        awaitIdle();
        assertThat(handles.openCount()).isZero();
        assertThat(registry.get("executor.active").tag("name", "cis-fanout").gauge().value()).isZero();
    }

    @Test
    void pastTheSaturationLimitRequestsGet503WithRetryAfter() throws Exception {
        try (Socket held = new Socket()) {
            // a client that asks for a large answer and stops reading keeps its stream (and permit) busy
            held.setReceiveBufferSize(4096);
            held.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = held.getOutputStream();
            out.write(("GET /api/v1/cis" + HttpFixture.query(params("file", "sample.mcool", "resolution", 5000,
                    "format", "tsv", "join", "true")) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = held.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            HttpResponse<byte[]> refused = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 500000,
                    "range1", "chr1"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"error\":\"saturated\"");
        }
        // once the held client is gone, its permit comes back
        awaitIdle();
        HttpResponse<byte[]> ok = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 500000, "range1", "chr1"));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    /** Waits (bounded) until no handle is open and no stream is in flight. */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            double inFlight = registry.find("hicserve.streams.in_flight").gauge() == null ? 0
                    : registry.find("hicserve.streams.in_flight").gauge().value();
            if (handles.openCount() == 0 && inFlight == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not idle after 15 s: open handles " + handles.openCount());
    }

}
