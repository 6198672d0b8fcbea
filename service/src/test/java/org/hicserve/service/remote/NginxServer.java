package org.hicserve.service.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx serving the bundled sample under {@code /sample/} and ../shared/test-data under {@code /shared/}
 * (with autoindex pages and byte ranges, as a static server does), on a free loopback port, and the same over HTTPS
 * on another with a self-signed certificate for 127.0.0.1 made by openssl ({@link #certificate()}); started once per
 * test JVM.
 */
final class NginxServer {
    private static NginxServer instance;
    private final int port;
    private final int tlsPort;
    private final Path certificate;

    private NginxServer(int port, int tlsPort, Path certificate) {
        this.port = port;
        this.tlsPort = tlsPort;
        this.certificate = certificate;
    }

    /** The HTTPS base address. */
    URI tlsBase() {
        return URI.create("https://127.0.0.1:" + tlsPort + "/");
    }

    /** The PEM certificate the HTTPS listener presents (self-signed, for IP 127.0.0.1). */
    Path certificate() {
        return certificate;
    }

    /** The running server; skips the test (or fails it under CI) when nginx is not installed. */
    static synchronized NginxServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static NginxServer start() {
        Path nginx = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream().filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (nginx == null) {
            if (TestData.sharedRequired()) {
                throw new IllegalStateException("nginx is not installed (.ci/run installs Debian's nginx)");
            }
            Assumptions.abort("nginx is not installed");
        }
        try {
            Path work = Files.createTempDirectory("nginx");
            Files.createDirectories(work.resolve("logs"));
            int port = S3MockServer.freePort();
            int tlsPort = S3MockServer.freePort();
            Path cert = work.resolve("cert.pem");
            Path key = work.resolve("key.pem");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out",
                    cert.toString()).redirectErrorStream(true).redirectOutput(work.resolve("logs/openssl.log").toFile())
                    .start();
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException("openssl failed: " + Files.readString(work.resolve("logs/openssl.log")));
            }
            Path sample = TestData.sample("sample.mcool").getParent().toRealPath();
            Path shared = TestData.sharedDir().toAbsolutePath().normalize();
            String conf = "daemon off;\nworker_processes 1;\npid " + work.resolve("nginx.pid") + ";\nerror_log "
                    + work.resolve("logs/error.log") + ";\nevents { worker_connections 128; }\nhttp {\n  access_log off;\n"
                    + "  client_body_temp_path " + work.resolve("body") + ";\n  proxy_temp_path " + work.resolve("proxy")
                    + ";\n  fastcgi_temp_path " + work.resolve("fcgi") + ";\n  uwsgi_temp_path " + work.resolve("uwsgi")
                    + ";\n  scgi_temp_path " + work.resolve("scgi") + ";\n  server {\n    listen 127.0.0.1:" + port + ";\n"
                    + "    listen 127.0.0.1:" + tlsPort + " ssl;\n    ssl_certificate " + cert + ";\n    ssl_certificate_key "
                    + key + ";\n"
                    + "    location /sample/ { alias " + sample + "/; autoindex on; }\n"
                    + (Files.isDirectory(shared) ? "    location /shared/ { alias " + shared + "/; autoindex on; }\n" : "")
                    + "  }\n}\n";
            Path confFile = work.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            Process p = new ProcessBuilder(nginx.toString(), "-p", work.toString(), "-c", confFile.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("logs/out.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(work.resolve("logs/out.log"))
                            + Files.readString(work.resolve("logs/error.log")));
                }
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return new NginxServer(port, tlsPort, cert);
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("nginx did not listen within 20 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
