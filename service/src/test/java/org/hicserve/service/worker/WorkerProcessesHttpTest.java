package org.hicserve.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * executor=processes: answers identical to executor=threads, a worker killed with SIGKILL mid-request is
 * replaced and its task retried (the answer is still complete and right), a request whose retries all fail gets
 * a clean error, and no worker process outlives the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerProcessesHttpTest {
    @TempDir
    static Path dataDir;
    ConfigurableApplicationContext service;
    WorkerPool pool;
    HttpFixture http;
    final List<Long> everyWorkerPid = new ArrayList<>();

    @BeforeAll
    void startServiceWithTwoWorkers() throws IOException {
        Files.copy(TestData.sample("sample.mcool"), dataDir.resolve("sample.mcool"));
        Files.copy(TestData.sample("sample.hic"), dataDir.resolve("sample.hic"));
        Path shared = TestData.sharedDir();
        for (String f : List.of("cooler_dm6_100kb_1mb_weights.mcool", "juicer_v8_hg19_chr22only_9res.hic",
                "juicer_v9_dm6_100kb_ice.hic", "cooler_float_counts_2500kb.cool")) {
            if (Files.exists(shared.resolve(f))) {
                Files.copy(shared.resolve(f), dataDir.resolve(f)); // a copy: links out of the data directory are refused
            }
        }
        service = new SpringApplicationBuilder(HicServeApplication.class).run("--server.port=0",
                "--hicserve.data-dir=" + dataDir, "--hicserve.workers.local=2", "--hicserve.batch-rows=1000",
                "--hicserve.queue-batches=1", "--hicserve.workers.task-timeout=60s");
        pool = service.getBean(WorkerPool.class);
        http = new HttpFixture(((ServletWebServerApplicationContext) service).getWebServer().getPort());
        everyWorkerPid.addAll(pool.localPids());
        assertThat(everyWorkerPid).hasSize(2);
    }

    @AfterAll
    void stopServiceAndCheckNoWorkerRemains() throws InterruptedException {
        everyWorkerPid.addAll(pool.localPids());
        service.close();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && everyWorkerPid.stream().anyMatch(WorkerProcessesHttpTest::alive)) {
            Thread.sleep(50);
        }
        assertThat(everyWorkerPid).noneMatch(WorkerProcessesHttpTest::alive);
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains(" worker "))
                .filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private HttpFixture.ArrowAnswer cis(String executor, Object... extra) {
        Map<String, Object> p = params(extra);
        p.put("executor", executor);
        HttpResponse<byte[]> r = http.get("/api/v1/cis", p);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return HttpFixture.readArrow(r.body());
    }

    @Test
    void processesAnswerExactlyAsThreads() {
        List<Object[]> queries = new ArrayList<>(List.of(
                new Object[] {"file", "sample.mcool", "resolution", 10000},
                new Object[] {"file", "sample.mcool", "resolution", 50000, "normalization", "weight", "join", "true"},
                new Object[] {"file", "sample.hic", "resolution", 10000, "normalization", "SCALE"},
                new Object[] {"file", "sample.hic", "resolution", 100000, "chromosomes", "chrX,chr2"}));
        if (Files.exists(dataDir.resolve("cooler_dm6_100kb_1mb_weights.mcool"))) {
            queries.add(new Object[] {"file", "cooler_dm6_100kb_1mb_weights.mcool", "resolution", 100000, "normalization", "KR"});
            queries.add(new Object[] {"file", "juicer_v8_hg19_chr22only_9res.hic", "resolution", 10000, "normalization", "KR"});
            queries.add(new Object[] {"file", "juicer_v9_dm6_100kb_ice.hic", "resolution", 100000, "normalization", "ICE"});
            queries.add(new Object[] {"file", "cooler_float_counts_2500kb.cool", "normalization", "ICE"});
        } else if (TestData.sharedRequired()) {
            throw new AssertionError("shared test data required but missing");
        }
        for (Object[] q : queries) {
            HttpFixture.ArrowAnswer threads = cis("threads", q);
            HttpFixture.ArrowAnswer processes = cis("processes", q);
            assertThat(threads.pixels()).as(List.of(q).toString()).isNotEmpty();
            assertThat(processes.pixels()).as(List.of(q).toString()).isEqualTo(threads.pixels());
            assertThat(processes.rows()).isEqualTo(threads.rows());
            assertThat(processes.countType()).isEqualTo(threads.countType());
        }
    }

    @Test
    void aWorkerKilledMidRequestIsReplacedAndItsTaskRetried() throws Exception {
        HttpFixture.ArrowAnswer expected = cis("threads", "file", "sample.mcool", "resolution", 5000);
        double restartsBefore = restarts();
        HttpResponse<InputStream> r = http.stream("/api/v1/cis", params("file", "sample.mcool", "resolution", 5000,
                "executor", "processes"));
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] body;
        try (InputStream in = r.body()) {
            byte[] head = in.readNBytes(64 * 1024);
            // workers are now blocked mid-chromosome behind a reader that has not caught up: kill one
            long victim = pool.localPids().get(0);
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            byte[] rest = in.readAllBytes();
            body = new byte[head.length + rest.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(rest, 0, body, head.length, rest.length);
        }
        assertThat(HttpFixture.readArrow(body).pixels()).isEqualTo(expected.pixels());
        awaitPoolBackTo(2);
        assertThat(restarts()).isGreaterThan(restartsBefore);
        everyWorkerPid.addAll(pool.localPids());
        // and the replaced pool answers again
        assertThat(cis("processes", "file", "sample.hic", "resolution", 500000).pixels())
                .isEqualTo(cis("threads", "file", "sample.hic", "resolution", 500000).pixels());
    }

    private double restarts() {
        return service.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("hicserve.worker.restarts")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void awaitPoolBackTo(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && pool.healthy() < n) {
            Thread.sleep(50);
        }
        assertThat(pool.healthy()).isEqualTo(n);
        assertThat(pool.localPids()).hasSize(n);
    }

    @Test
    void whenEveryRetryFailsTheRequestFailsCleanly() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: nothing listens there
        }
        try (ConfigurableApplicationContext broken = new SpringApplicationBuilder(HicServeApplication.class).run(
                "--server.port=0", "--hicserve.data-dir=" + dataDir, "--hicserve.workers.remote=127.0.0.1:" + deadPort,
                "--hicserve.workers.start-timeout=5s")) {
            HttpFixture other = new HttpFixture(((ServletWebServerApplicationContext) broken).getWebServer().getPort());
            HttpResponse<byte[]> r = other.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 100000,
                    "executor", "processes"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(new String(r.body())).contains("\"error\":\"workers_unavailable\"");
            // threads still work in the same service
            assertThat(other.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 100000)).statusCode()).isEqualTo(200);
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
