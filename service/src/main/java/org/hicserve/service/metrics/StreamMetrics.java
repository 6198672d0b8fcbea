package org.hicserve.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-answer metrics (rows and bytes streamed, a timer per endpoint, format and outcome) and the one-line
 * request log. Thread-safe.
 */
public final class StreamMetrics {
    private static final Logger log = LoggerFactory.getLogger("hicserve.requests");
    private final MeterRegistry registry;

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String endpoint, String format, String file, String query, long rows, long bytes,
            long startNanos, Throwable failure) {
        long nanos = System.nanoTime() - startNanos;
        String outcome = failure == null ? "success" : "failure";
        Timer.builder("hicserve.stream").description("time to stream a pixel answer")
                .tags("endpoint", endpoint, "format", format, "outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("hicserve.rows.streamed").tags("endpoint", endpoint, "format", format)
                .register(registry).increment(rows);
        Counter.builder("hicserve.bytes.streamed").tags("endpoint", endpoint, "format", format)
                .register(registry).increment(bytes);
        if (failure == null) {
            log.info("{} file={} {} format={} rows={} bytes={} ms={}", endpoint, file, query, format, rows, bytes,
                    nanos / 1_000_000);
        } else {
            log.warn("{} file={} {} format={} rows={} bytes={} ms={} failed: {}", endpoint, file, query, format, rows,
                    bytes, nanos / 1_000_000, failure.toString());
        }
    }
}
