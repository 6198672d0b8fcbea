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
 * a clean error, and no worker process outlives the service. Kill sequences (a replacement killed while it
 * starts, kills in quick succession during a request) end with the pool back to two workers and exactly two
 * worker processes.
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
        assertThat(workerProcesses()).isEmpty();
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

    /** Worker processes of this JVM now alive (ready, starting or leaked). */
    private static java.util.Set<Long> workerProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(WorkerProcessesHttpTest::isWorker).map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** From /proc: ProcessHandle's command line is cut short after a long class path. */
    private static boolean isWorker(ProcessHandle p) {
        try {
            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"), java.nio.charset.StandardCharsets.ISO_8859_1);
            return cmdline.contains("\0worker\0--id\0");
        } catch (IOException e) {
            return p.info().commandLine().orElse("").contains(" worker --id "); // not Linux
        }
    }

    /** The pool is back to two ready workers, and exactly those two processes exist. */
    private void awaitTwoWorkersAndTwoProcesses() throws InterruptedException {
        awaitPoolBackTo(2);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !workerProcesses().equals(java.util.Set.copyOf(pool.localPids()))) {
            Thread.sleep(50); // a killed process may take a moment to be reaped
        }
        assertThat(pool.states()).containsOnly(WorkerPool.SlotState.READY);
        assertThat(workerProcesses()).as("worker processes").hasSize(2).isEqualTo(java.util.Set.copyOf(pool.localPids()));
        everyWorkerPid.addAll(pool.localPids());
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aReplacementKilledWhileItStartsIsReplacedToo() throws Exception {
        awaitTwoWorkersAndTwoProcesses();
        java.util.Set<Long> before = workerProcesses();
        long victim = pool.localPids().get(0);
        kill(victim);
        long deadline = System.nanoTime() + 60_000_000_000L;
        Long replacement = null;
        while (replacement == null && System.nanoTime() < deadline) {
            replacement = workerProcesses().stream().filter(p -> !before.contains(p)).findFirst().orElse(null);
            Thread.sleep(5);
        }
        assertThat(replacement).as("a replacement process was started").isNotNull();
        kill(replacement); // a JVM takes a second or more to listen: this kills it while it starts
        everyWorkerPid.add(replacement);
        awaitTwoWorkersAndTwoProcesses(); // the old pool left this slot empty ("will try again on next use")
        assertThat(pool.localPids()).doesNotContain(victim, replacement);
        assertThat(cis("processes", "file", "sample.hic", "resolution", 500000).pixels())
                .isEqualTo(cis("threads", "file", "sample.hic", "resolution", 500000).pixels());
    }

    @Test
    void twoKillsInQuickSuccessionDuringARequestNeverLeaveExtraProcesses() throws Exception {
        awaitTwoWorkersAndTwoProcesses();
        HttpResponse<InputStream> r = http.stream("/api/v1/cis", params("file", "sample.mcool", "resolution", 5000,
                "executor", "processes"));
        try (InputStream in = r.body()) {
            in.readNBytes(64 * 1024); // the request's tasks are on both workers now
            kill(pool.localPids().get(0));
            Thread.sleep(300);
            workerProcesses().forEach(pid -> { // the other worker and the first one's replacement, if started
                everyWorkerPid.add(pid);
                kill(pid);
            });
            in.readAllBytes(); // complete or cut: what matters here is what is left running
        } catch (IOException cut) {
            // the request may fail when every worker died under it
        }
        awaitTwoWorkersAndTwoProcesses(); // the old pool could start two JVMs for one slot, for good
        assertThat(cis("processes", "file", "sample.mcool", "resolution", 100000).pixels())
                .isEqualTo(cis("threads", "file", "sample.mcool", "resolution", 100000).pixels());
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
