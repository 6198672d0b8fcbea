package org.hicserve.service.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.reader.io.source.RemoteReadException.Kind;

/**
 * HEAD and GET requests to a remote store over {@code java.net.http}, each bounded in time and retried with backoff
 * when that is safe (they are all idempotent reads): on 5xx and 429 answers, dropped or refused connections and
 * timeouts. A ranged GET is checked before its body is used: a 200 (the store ignored {@code Range} and sends the
 * whole object), a {@code Content-Range} other than the one asked for, or another ETag than the version being read is
 * refused, never retried and never turned into pixels. A body shorter than announced (the connection dropped
 * mid-body) is retried. Final failures are {@link RemoteReadException}s whose kind gives the gateway status.
 * Thread-safe; one per store.
 */
final class RangedHttp {
    /** Adds a store's authentication to a request about to be sent (S3: a SigV4 signature); may be a no-op. */
    interface Signer {
        void sign(HttpRequest.Builder request, String method, URI uri);
    }

    /** What a HEAD said about an object. */
    record Head(long size, String version) {
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hicserve-remote-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client;
    private final RemoteSettings settings;
    private final BlockCache.Stats stats;

    /**
     * @param followRedirects false for signed requests (S3): a redirect would resend the signed headers elsewhere
     */
    RangedHttp(RemoteSettings settings, BlockCache.Stats stats, boolean followRedirects) {
        this.settings = settings;
        this.stats = stats;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (settings.trustStore() != null) {
            b.sslContext(sslContext(settings.trustStore()));
        }
        this.client = b.build();
    }

    /** The object's size and version; empty for 404 (and 403 of a store that hides missing keys behind it: no). */
    Optional<Head> head(URI uri, String what, Signer signer) throws IOException {
        return retrying(what, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(settings.readTimeout());
            signer.sign(b, "HEAD", uri);
            HttpResponse<Void> r = send(b.build(), HttpResponse.BodyHandlers.discarding(), what);
            if (r.statusCode() == 404) {
                return Optional.empty();
            }
            failUnlessOk(r.statusCode(), r.statusCode() == 200, what);
            long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (size < 0) {
                throw new RemoteReadException(Kind.BAD_GATEWAY, what + ": the store gave no Content-Length");
            }
            return Optional.of(new Head(size, versionOf(r.headers(), size)));
        });
    }

    /** A small whole body (a listing, an index page) of at most {@code maxBytes}; empty for 404. */
    Optional<byte[]> get(URI uri, String what, Signer signer, int maxBytes) throws IOException {
        return retrying(what, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout());
            signer.sign(b, "GET", uri);
            HttpResponse<InputStream> r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), what);
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404) {
                    return Optional.empty();
                }
                failUnlessOk(r.statusCode(), r.statusCode() == 200, what);
                byte[] body = readBounded(in, maxBytes + 1, what);
                if (body.length > maxBytes) {
                    throw new RemoteReadException(Kind.BAD_GATEWAY, what + ": answer larger than " + maxBytes + " bytes");
                }
                return Optional.of(body);
            }
        });
    }

    /**
     * Reads {@code [start, start + length)} of an object of {@code size} bytes whose version is {@code version} into
     * {@code dst[offset..]}.
     */
    void range(URI uri, String what, Signer signer, long size, String version, long start, byte[] dst, int offset,
            int length) throws IOException {
        long end = start + length - 1;
        String where = what + " bytes " + start + "-" + end;
        retrying(where, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().header("Range", "bytes=" + start + "-" + end)
                    .timeout(settings.readTimeout());
            signer.sign(b, "GET", uri);
            HttpResponse<InputStream> r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), where);
            try (InputStream in = r.body()) {
                int status = r.statusCode();
                boolean wholeObjectAsked = start == 0 && length == size;
                if (status == 200 && !wholeObjectAsked) {
                    throw new RemoteReadException(Kind.BAD_GATEWAY, where + ": the store ignored Range and answered "
                            + "200 with the whole object; hicserve needs a store that serves byte ranges (206)");
                }
                failUnlessOk(status, status == 206 || status == 200, where);
                if (status == 206) {
                    String cr = r.headers().firstValue("Content-Range").orElse("");
                    if (!cr.equals("bytes " + start + "-" + end + "/" + size) && !cr.equals("bytes " + start + "-" + end + "/*")) {
                        throw new RemoteReadException(Kind.BAD_GATEWAY, where + ": the store answered Content-Range '"
                                + cr + "', not the range asked for of an object of " + size + " bytes");
                    }
                }
                String answered = versionOf(r.headers(), size);
                // an ETag, else Last-Modified (a store without ETags): either, when the answer has the same kind,
                // must be the version being read; only a bare size (neither header) cannot tell a replaced object
                String kind = version.substring(0, version.indexOf(':') + 1);
                if (!kind.equals("size:") && answered.startsWith(kind) && !answered.equals(version)) {
                    throw new RemoteReadException(Kind.BAD_GATEWAY, where + ": the object changed while being read "
                            + "(" + version + " became " + answered + "); ask again");
                }
                readExactly(in, dst, offset, length, where);
                stats.fetched(length);
                return null;
            }
        });
    }

    /** TLS that trusts the certificate authorities of a PEM file (a store with an internal CA). */
    static javax.net.ssl.SSLContext sslContext(java.nio.file.Path pem) {
        try (InputStream in = java.nio.file.Files.newInputStream(pem)) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("hicserve.remote.trust-store " + pem + ": " + e.getMessage(), e);
        }
    }

    /** ETag when the store gives one (the strongest identity), else Last-Modified, else only the size. */
    static String versionOf(HttpHeaders h, long size) {
        Optional<String> etag = h.firstValue("ETag");
        if (etag.isPresent() && !etag.get().isBlank()) {
            return "etag:" + etag.get().strip();
        }
        return h.firstValue("Last-Modified").map(m -> "modified:" + m.strip() + "/" + size).orElse("size:" + size);
    }

    private interface Attempt<T> {
        T run() throws IOException;
    }

    /** A failure worth another try (the same request may well succeed). */
    private static final class Transient extends IOException {
        final Kind kind;

        Transient(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }
    }

    private <T> T retrying(String what, Attempt<T> attempt) throws IOException {
        Transient last = null;
        for (int i = 0; i <= settings.retries(); i++) {
            if (i > 0) {
                stats.retried();
                long base = settings.retryBackoff().toMillis() << Math.min(i - 1, 10);
                sleep(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
            }
            try {
                return attempt.run();
            } catch (Transient e) {
                last = e;
            } catch (RemoteReadException e) {
                stats.failed();
                throw e;
            }
        }
        stats.failed();
        throw new RemoteReadException(last.kind, last.getMessage() + " (after " + (settings.retries() + 1) + " tries)",
                last.getCause());
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
            throws IOException {
        stats.requested();
        try {
            return client.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new Transient(Kind.TIMEOUT, what + ": no answer within " + settings.readTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        } catch (IOException e) {
            throw new Transient(Kind.BAD_GATEWAY, what + ": " + describe(e), e);
        }
    }

    /** 5xx and 429 are worth retrying; other answers that are not {@code ok} are final. */
    private static void failUnlessOk(int status, boolean ok, String what) throws IOException {
        if (ok) {
            return;
        }
        if (status == 503 || status == 429) {
            throw new Transient(Kind.UNAVAILABLE, what + ": the store answered " + status + " (unavailable)", null);
        }
        if (status >= 500) {
            throw new Transient(Kind.BAD_GATEWAY, what + ": the store answered " + status, null);
        }
        String hint = status == 401 || status == 403 ? " (access denied: check the credentials and the bucket policy)"
                : status == 404 ? " (no such object: it was removed?)" : "";
        throw new RemoteReadException(Kind.BAD_GATEWAY, what + ": the store answered " + status + hint);
    }

    /** Reads the body within the read timeout: a stalled body is closed by the watchdog and counts as a timeout. */
    private void readExactly(InputStream in, byte[] dst, int offset, int length, String what) throws IOException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            closeQuietly(in);
        }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        int got = 0;
        try {
            while (got < length) {
                int n = in.read(dst, offset + got, length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new Transient(Kind.TIMEOUT, what + ": the body did not arrive within "
                        + settings.readTimeout().toMillis() + " ms", e);
            }
            throw new Transient(Kind.BAD_GATEWAY, what + ": connection lost after " + got + " of " + length
                    + " bytes (" + describe(e) + ")", e);
        } finally {
            watchdog.cancel(false);
        }
        if (timedOut.get() && got < length) {
            throw new Transient(Kind.TIMEOUT, what + ": the body did not arrive within "
                    + settings.readTimeout().toMillis() + " ms", null);
        }
        if (got < length) {
            throw new Transient(Kind.BAD_GATEWAY, what + ": connection closed after " + got + " of " + length
                    + " bytes", null);
        }
    }

    private byte[] readBounded(InputStream in, int max, String what) throws IOException {
        try {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new Transient(Kind.BAD_GATEWAY, what + ": connection lost (" + describe(e) + ")", e);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the stream closed
        }
    }
}
