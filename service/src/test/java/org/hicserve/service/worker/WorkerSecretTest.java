package org.hicserve.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker port: a call without the shared secret, or with a wrong one, is refused before it reaches the
 * producer (nothing is read); with it, the task streams. The secret reaches local workers through their
 * environment, never their command line, and they listen on loopback.
 */
class WorkerSecretTest {
    static final WorkerSecret SECRET = WorkerSecret.of("s3cret-for-this-test-only");
    BufferAllocator allocator;
    PixelFlightProducer producer;
    FlightServer server;

    @BeforeEach
    void startWorkerInProcess() throws Exception {
        allocator = new RootAllocator();
        producer = new PixelFlightProducer(allocator);
        server = WorkerMain.serve(allocator, "127.0.0.1", 0, SECRET, producer);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        server.close();
        allocator.close();
    }

    private long rows(CallOption... options) throws Exception {
        WorkerTask task = new WorkerTask(TestData.sample("sample.mcool").toAbsolutePath().toString(), 100000, null, "chr1",
                "NONE", 1000);
        try (FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.getPort())).build();
                FlightStream s = client.getStream(new Ticket(task.encode()), options)) {
            long n = 0;
            while (s.next()) {
                n += s.getRoot().getRowCount();
            }
            return n;
        }
    }

    @Test
    void aCallWithoutTheSecretIsRefusedAndReadsNothing() {
        assertThatThrownBy(this::rows).isInstanceOfSatisfying(FlightRuntimeException.class,
                e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        assertThat(producer.calls.get()).isZero();
    }

    @Test
    void aCallWithAWrongSecretIsRefusedAndReadsNothing() {
        assertThatThrownBy(() -> rows(WorkerSecret.of("s3cret-for-this-test-onlx").callOption()))
                .isInstanceOfSatisfying(FlightRuntimeException.class,
                        e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        assertThat(producer.calls.get()).isZero();
    }

    @Test
    void aCallWithTheSecretStreamsTheTask() throws Exception {
        assertThat(rows(SECRET.callOption())).isPositive();
        assertThat(producer.calls.get()).isEqualTo(1);
    }

    @Test
    void localWorkersGetTheSecretThroughTheirEnvironmentAndListenOnLoopback() {
        List<String> command = new WorkerLauncher("-Xmx64m", Duration.ofSeconds(5), SECRET).command(3);
        assertThat(String.join(" ", command)).doesNotContain(SECRET.value());
        int host = command.indexOf("--host");
        assertThat(host).isPositive();
        assertThat(command.get(host + 1)).isEqualTo("127.0.0.1");
        assertThat(SECRET.toString()).doesNotContain(SECRET.value());
        assertThat(new WorkerSettings(1, List.of(), Duration.ZERO, Duration.ZERO, null, SECRET.value(), null).toString())
                .doesNotContain(SECRET.value());
    }

    @Test
    void theSameSecretReachesAWorkerTheServiceStarts() throws Exception {
        // end to end: a real worker JVM started by the pool answers only calls that carry the pool's secret
        WorkerSettings settings = new WorkerSettings(1, List.of(), Duration.ofMinutes(1), Duration.ofSeconds(60),
                "-Xmx128m -XX:+UseSerialGC", "the-service-secret", null);
        try (WorkerPool pool = WorkerPool.start(settings, allocator, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            assertThat(pool.healthy()).isEqualTo(1);
            long[] n = {0};
            pool.run(new WorkerTask(TestData.sample("sample.hic").toAbsolutePath().toString(), 500000, null, "chr1", "NONE", 1000),
                    b -> n[0] += b.size());
            assertThat(n[0]).isPositive();
            long pid = pool.localPids().get(0);
            java.nio.file.Path proc = java.nio.file.Path.of("/proc/" + pid);
            if (java.nio.file.Files.isDirectory(proc)) { // Linux: the whole command line, and the environment
                assertThat(java.nio.file.Files.readString(proc.resolve("cmdline"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .contains("worker").doesNotContain("the-service-secret");
                assertThat(java.nio.file.Files.readString(proc.resolve("environ"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .contains(WorkerSecret.ENVIRONMENT + "=the-service-secret");
            }
        }
    }
}
