package org.hicserve.service.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hicserve.reader.testing.TestData;
import org.hicserve.testsupport.s3mock.LoopbackConnectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The S3-compatible server of the tests: S3Mock's standalone jar (copied to target/s3mock by the build, see
 * service/pom.xml) in its own JVM on free loopback ports, started once per test JVM and stopped with it. Its plain
 * HTTP connector is bound to 127.0.0.1 by {@link LoopbackConnectors}, put on its class path with {@code loader.path}.
 * Requests to it need no signature. Bucket {@value #BUCKET}.
 */
final class S3MockServer {
    static final String BUCKET = "bkt";
    private static S3MockServer instance;

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The running server; skips the test (or fails it under CI) when the jar is not there. */
    static synchronized S3MockServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Uploads a file as {@code key} of the bucket. */
    void put(String key, Path file) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/" + BUCKET + "/" + key))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("S3Mock PUT " + key + ": " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static S3MockServer start() {
        Path jar = Path.of("target/s3mock/s3mock.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            if (TestData.sharedRequired()) {
                throw new IllegalStateException("no " + jar + ": the build copies it (maven-dependency-plugin)");
            }
            Assumptions.abort("no S3Mock jar at " + jar);
        }
        try {
            Path work = Files.createTempDirectory("s3mock");
            // LoopbackConnectors and its auto-configuration entry, alone on S3Mock's extra class path
            Path extra = work.resolve("loader");
            String cls = LoopbackConnectors.class.getName().replace('.', '/') + ".class";
            Path target = extra.resolve(cls);
            Files.createDirectories(target.getParent());
            try (var in = LoopbackConnectors.class.getClassLoader().getResourceAsStream(cls)) {
                Files.copy(in, target);
            }
            Path imports = extra.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            Files.createDirectories(imports.getParent());
            Files.writeString(imports, LoopbackConnectors.class.getName() + "\n");
            int port = freePort();
            int tlsPort = freePort();
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dloader.path=" + extra, "-cp",
                    jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + tlsPort, "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + work.resolve("store"), "--spring.main.banner-mode=off"));
            pb.environment().put("COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS", BUCKET);
            pb.redirectErrorStream(true).redirectOutput(work.resolve("s3mock.log").toFile());
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            S3MockServer s = new S3MockServer(p, port);
            s.awaitUp(work.resolve("s3mock.log"));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(Path log) throws IOException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/" + BUCKET))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Mock did not start within 120 s: " + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
