package org.hicserve.service.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' own fault-injecting HTTP proxy, in front of a real store (nginx or S3Mock) on a free loopback port. In
 * {@link Fault#NONE} it relays requests and answers unchanged; the other faults apply to the next {@code times}
 * requests (then it relays again): a store that is too slow, answers 5xx, drops the connection in the middle of the
 * body, ignores {@code Range} (the proxy drops the header, so the store answers 200 with the whole object), or whose
 * object changed (another ETag).
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { NONE, SLOW, STATUS_503, STATUS_500, DROP_MID_BODY, IGNORE_RANGE, OTHER_ETAG }

    private static final Set<String> HOP = Set.of("connection", "content-length", "transfer-encoding", "host",
            "keep-alive", "upgrade", "expect", "date");

    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration delay = Duration.ofSeconds(5);

    FaultProxy(URI upstream) {
        this.upstream = upstream;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Applies {@code f} to the next {@code times} requests (Integer.MAX_VALUE: until changed). */
    void inject(Fault f, int times) {
        remaining.set(times);
        fault.set(f);
    }

    void slowBy(Duration d) {
        delay = d;
    }

    void heal() {
        inject(Fault.NONE, 0);
    }

    /** Requests received so far. */
    int requests() {
        return requests.get();
    }

    private Fault take() {
        Fault f = fault.get();
        if (f == Fault.NONE) {
            return f;
        }
        return remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0 ? f : Fault.NONE;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        Fault f = take();
        try (ex) {
            if (f == Fault.STATUS_503 || f == Fault.STATUS_500) {
                ex.sendResponseHeaders(f == Fault.STATUS_503 ? 503 : 500, -1);
                return;
            }
            if (f == Fault.SLOW) {
                sleep(delay);
            }
            String target = upstream.toString().replaceAll("/$", "") + ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).method(ex.getRequestMethod(),
                    HttpRequest.BodyPublishers.noBody());
            ex.getRequestHeaders().forEach((k, vs) -> {
                String key = k.toLowerCase(Locale.ROOT);
                if (!HOP.contains(key) && !(f == Fault.IGNORE_RANGE && key.equals("range"))) {
                    vs.forEach(v -> b.header(k, v));
                }
            });
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            r.headers().map().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                    if (f == Fault.OTHER_ETAG && k.equalsIgnoreCase("ETag")) {
                        ex.getResponseHeaders().add(k, "\"changed-" + vs.get(0).replace("\"", "") + "\"");
                    } else {
                        vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                    }
                }
            });
            boolean head = ex.getRequestMethod().equals("HEAD");
            if (head) {
                if (length >= 0) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                ex.sendResponseHeaders(r.statusCode(), -1);
                r.body().close();
                return;
            }
            try (InputStream in = r.body()) {
                byte[] body = in.readAllBytes();
                ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
                OutputStream out = ex.getResponseBody();
                if (f == Fault.DROP_MID_BODY) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    throw new IOException("dropping the connection mid-body (injected)");
                }
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the injected drop, or the client gone: HttpServer closes the connection
            throw e;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<Fault> faults() {
        return List.of(Fault.values());
    }
}
