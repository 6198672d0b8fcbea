package org.hicserve.service.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.RequestContext;

/**
 * The shared secret between the service and its workers: the service sends it in a header of every Flight call,
 * a worker refuses (UNAUTHENTICATED, before reading anything) a call without it. Local workers get it through
 * their environment ({@value #ENVIRONMENT}), never on a command line, and it is never logged. Compared in
 * constant time. It is not encryption: without TLS it crosses the network in clear, so a private network is
 * still assumed; what it stops is anyone who can merely reach a worker's port reading files through it.
 */
final class WorkerSecret {
    static final String ENVIRONMENT = "HICSERVE_WORKER_SECRET";
    static final String HEADER = "x-hicserve-worker-secret";

    private final byte[] secret;

    private WorkerSecret(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    static WorkerSecret of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an empty worker secret");
        }
        return new WorkerSecret(secret.strip());
    }

    /** A fresh random secret, for local workers when none is configured. */
    static WorkerSecret random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return new WorkerSecret(HexFormat.of().formatHex(b));
    }

    /** The value given to a local worker's environment. */
    String value() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    /** The call option that carries the secret. */
    HeaderCallOption callOption() {
        CallHeaders headers = new FlightCallHeaders();
        headers.insert(HEADER, value());
        return new HeaderCallOption(headers);
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The worker's check, run before any call reaches the producer. */
    static final class Check implements FlightServerMiddleware.Factory<FlightServerMiddleware> {
        static final FlightServerMiddleware.Key<FlightServerMiddleware> KEY = FlightServerMiddleware.Key.of("hicserve-secret");
        private final WorkerSecret expected;

        Check(WorkerSecret expected) {
            this.expected = expected;
        }

        @Override
        public FlightServerMiddleware onCallStarted(CallInfo info, CallHeaders headers, RequestContext context) {
            if (!expected.matches(headers.get(HEADER))) {
                throw CallStatus.UNAUTHENTICATED.withDescription("missing or wrong worker secret").toRuntimeException();
            }
            return new FlightServerMiddleware() {
                @Override
                public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
                }

                @Override
                public void onCallCompleted(CallStatus status) {
                }

                @Override
                public void onCallErrored(Throwable err) {
                }
            };
        }
    }

    @Override
    public String toString() {
        return "WorkerSecret[***]";
    }
}
