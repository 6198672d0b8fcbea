package org.hicserve.service.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.HicServeApplication;
import org.hicserve.service.web.HttpFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #11 item 2: clients that stop reading whole-genome {@code cis} answers (as many as the executor has
 * threads, and more) do not delay a fast client's small queries, with threads or with worker processes. The
 * fast queries must all complete while every slow answer is provably still open (its stream permit held, its
 * client having read 16 KB of several MB); then the slow clients read on and get their whole, right answer.
 * Before, each slow answer's tasks held executor threads and the small queries waited for Tomcat's write
 * timeout. The fast client's latencies (p50/p99, alone and next to the slow clients) are printed, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsHttpTest {
    static final int SLOW_CLIENTS = 3; // > hicserve.threads and > hicserve.workers.local
    static final String WHOLE_GENOME = "/api/v1/cis?file=sample.mcool&resolution=5000&normalization=weight";
    static final List<String> SMALL = List.of(
            "/api/v1/pixels?file=sample.mcool&resolution=100000&range1=chr2:1000000-3000000",
            "/api/v1/pixels?file=sample.hic&resolution=50000&range1=chrX:0-2000000&normalization=VC",
            "/api/v1/cis?file=sample.mcool&resolution=500000&chromosomes=chrX");

    @TempDir
    static Path dataDir;
    ConfigurableApplicationContext service;
    HttpFixture http;
    int port;
    StreamLimiter limiter;
    final HttpClient fast = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws IOException {
        Files.copy(TestData.sample("sample.mcool"), dataDir.resolve("sample.mcool"));
        Files.copy(TestData.sample("sample.hic"), dataDir.resolve("sample.hic"));
        service = new SpringApplicationBuilder(HicServeApplication.class).run("--server.port=0",
                "--hicserve.data-dir=" + dataDir, "--hicserve.threads=2", "--hicserve.workers.local=2",
                "--hicserve.batch-rows=1000", "--hicserve.queue-batches=1", "--hicserve.max-streams-per-client=0",
                "--hicserve.write-stall-timeout=10m");
        port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
        http = new HttpFixture(port);
        limiter = service.getBean(StreamLimiter.class);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void slowClientsOnThreadsDoNotDelayAFastClient() throws Exception {
        fastClientNextToSlowOnes("threads");
    }

    @Test
    void slowClientsOnWorkerProcessesDoNotDelayAFastClient() throws Exception {
        fastClientNextToSlowOnes("processes");
    }

    private void fastClientNextToSlowOnes(String executor) throws Exception {
        HttpFixture.ArrowAnswer reference = HttpFixture.readArrow(http.get(WHOLE_GENOME, (String) null).body());
        List<byte[]> expected = new ArrayList<>();
        for (String q : SMALL) {
            expected.add(http.get(withExecutor(q, executor), (String) null).body());
        }
        smallQueries(executor, expected); // warm
        long[] alone = smallQueries(executor, expected);
        long directBefore = directBytes();

        List<SlowClient> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(new SlowClient(port, withExecutor(WHOLE_GENOME, executor), null).read(16 * 1024));
                assertThat(slow.get(i).status()).isEqualTo(200);
            }
            Thread.sleep(500); // their reading runs ahead until the queues are full, then waits on the clients
            long directWithSlow = directBytes();
            long[] loaded = smallQueries(executor, expected);
            // every slow answer is still open: its permit is held, and its client has read 16 KB of several MB
            assertThat(limiter.inFlight()).isGreaterThanOrEqualTo(SLOW_CLIENTS);
            System.out.printf("executor=%s, %d slow clients: fast client p50 %.1f ms / p99 %.1f ms (alone: p50 %.1f / p99 %.1f);"
                    + " direct memory %.2f MB -> %.2f MB (%.2f MB per slow client)%n", executor, SLOW_CLIENTS,
                    percentile(loaded, 50), percentile(loaded, 99), percentile(alone, 50), percentile(alone, 99),
                    directBefore / 1e6, directWithSlow / 1e6, (directWithSlow - directBefore) / 1e6 / SLOW_CLIENTS);
            for (SlowClient c : slow) {
                boolean[] complete = {false};
                byte[] body = c.readToEnd().body(complete);
                assertThat(complete[0]).as("the slow answer ends properly").isTrue();
                assertThat(body.length).isGreaterThan(1_000_000);
                assertThat(HttpFixture.readArrow(body).pixels()).isEqualTo(reference.pixels());
            }
        } finally {
            for (SlowClient c : slow) {
                c.close();
            }
        }
    }

    private static String withExecutor(String q, String executor) {
        return q.startsWith("/api/v1/cis") ? q + "&executor=" + executor : q;
    }

    /** Ten rounds of the small queries, each checked against its expected answer; their latencies in ns. */
    private long[] smallQueries(String executor, List<byte[]> expected) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < SMALL.size(); i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + withExecutor(SMALL.get(i), executor)))
                        .timeout(Duration.ofSeconds(20)).build();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r;
                try {
                    r = fast.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (HttpTimeoutException e) {
                    throw new AssertionError("a small query (" + SMALL.get(i) + ") was held up behind the slow answers", e);
                }
                times.add(System.nanoTime() - t0);
                assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
                assertThat(r.body()).isEqualTo(expected.get(i));
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    static double percentile(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    /** Direct (off-heap) memory in use: NIO's direct buffers, and Netty's own when it allocates without them. */
    static long directBytes() {
        long nio = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        long netty = 0;
        try {
            netty = Math.max(0, io.netty.util.internal.PlatformDependent.usedDirectMemory());
        } catch (Throwable ignored) {
            // not counted by this Netty
        }
        return nio + netty;
    }
}
