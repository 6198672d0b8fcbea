package org.hicserve.service.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.HicServeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #11 item 2, the caps around slow clients: a token (a client) past {@code hicserve.max-streams-per-client}
 * is refused with 429 and Retry-After while another token is still served, and a client that stops reading is
 * cut after {@code hicserve.write-stall-timeout}, which releases its stream (before: Tomcat's fixed 60 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLimitsHttpTest {
    static final String WHOLE_GENOME = "/api/v1/cis?file=sample.mcool&resolution=5000&normalization=weight";
    @TempDir
    static Path dataDir;
    ConfigurableApplicationContext service;
    int port;
    StreamLimiter limiter;

    @BeforeAll
    void start() throws Exception {
        Files.copy(TestData.sample("sample.mcool"), dataDir.resolve("sample.mcool"));
        service = new SpringApplicationBuilder(HicServeApplication.class).run("--server.port=0",
                "--hicserve.data-dir=" + dataDir, "--hicserve.auth.tokens=alpha-token-1,beta-token-2", "--hicserve.max-streams-per-client=2",
                "--hicserve.write-stall-timeout=10m", "--hicserve.batch-rows=1000", "--hicserve.queue-batches=1");
        port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
        limiter = service.getBean(StreamLimiter.class);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private HttpResponse<byte[]> get(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chrX")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void awaitInFlight(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (limiter.inFlight() != n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(limiter.inFlight()).isEqualTo(n);
    }

    @Test
    void aTokenPastItsCapIsRefusedWhileAnotherIsServed() throws Exception {
        awaitInFlight(0);
        List<SlowClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(new SlowClient(port, WHOLE_GENOME, "alpha-token-1").read(4096));
                assertThat(held.get(i).status()).isEqualTo(200);
            }
            HttpResponse<byte[]> third = get("alpha-token-1");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(third.body())).contains("\"error\":\"too_many_requests\"").doesNotContain("alpha-token-1");
            assertThat(get("beta-token-2").statusCode()).isEqualTo(200);
        } finally {
            for (SlowClient c : held) {
                c.close();
            }
        }
        awaitInFlight(0);
        assertThat(get("alpha-token-1").statusCode()).isEqualTo(200); // its slots came back
    }

    @Test
    void aClientThatStopsReadingIsCutAfterTheWriteStallTimeout() throws Exception {
        try (ConfigurableApplicationContext stalls = new SpringApplicationBuilder(HicServeApplication.class).run(
                "--server.port=0", "--hicserve.data-dir=" + dataDir, "--hicserve.write-stall-timeout=2s",
                "--hicserve.batch-rows=1000", "--hicserve.queue-batches=1")) {
            int p = ((ServletWebServerApplicationContext) stalls).getWebServer().getPort();
            StreamLimiter l = stalls.getBean(StreamLimiter.class);
            try (SlowClient stalled = new SlowClient(p, WHOLE_GENOME, null).read(4096)) {
                assertThat(stalled.status()).isEqualTo(200);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (l.inFlight() != 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(l.inFlight()).as("cut within 30 s, where Tomcat's default waited 60 s").isZero();
                boolean[] complete = {true};
                stalled.readToEnd().body(complete);
                assertThat(complete[0]).as("a cut answer does not look complete").isFalse();
            }
        }
    }
}
