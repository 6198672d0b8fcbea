package org.hicserve.service.query;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.service.format.CountingOutputStream;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PixelSink;
import org.hicserve.service.format.PixelTable;
import org.hicserve.service.format.Sinks;

/**
 * A query that has been checked, opened and started, ready to write its answer: anything that can be refused
 * was refused before this exists; what can still fail is I/O. {@link #writeTo} writes once and then releases
 * everything (handles, tasks, the saturation permit) whichever way it ends; {@link #close()} does so when the
 * answer is never written. Not thread-safe.
 */
public final class BatchStream implements AutoCloseable {
    /** Told how a stream ended, for metrics and the request log. */
    public interface Observer {
        void finished(long rows, long bytes, Throwable failure);
    }

    /** Makes the sink that writes the answer, given the response stream. */
    public interface SinkFactory {
        PixelSink create(OutputStream out);
    }

    private final Iterator<PixelBatch> batches;
    private final PixelTable table;
    private final String mediaType;
    private final SinkFactory sinks;
    private final AutoCloseable resources;
    private final Observer observer;
    private Deadline deadline;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** An answer in one of the streamed formats (Arrow, TSV, JSON). */
    public BatchStream(Iterator<PixelBatch> batches, PixelTable table, OutputFormat format, BufferAllocator allocator,
            AutoCloseable resources, Observer observer) {
        this(batches, table, format.mediaType(), out -> Sinks.create(format, out, table, allocator), resources, observer);
    }

    public BatchStream(Iterator<PixelBatch> batches, PixelTable table, String mediaType, SinkFactory sinks,
            AutoCloseable resources, Observer observer) {
        this.batches = batches;
        this.table = table;
        this.mediaType = mediaType;
        this.sinks = sinks;
        this.resources = resources;
        this.observer = observer;
    }

    /** Stops writing (aborting the answer) once {@code d} has passed. */
    public BatchStream withDeadline(Deadline d) {
        this.deadline = d;
        return this;
    }

    public String mediaType() {
        return mediaType;
    }

    public PixelTable table() {
        return table;
    }

    /** Writes the whole answer; returns the number of rows. A failure propagates (the caller aborts the response). */
    public long writeTo(OutputStream rawOut) throws IOException {
        CountingOutputStream out = new CountingOutputStream(rawOut);
        long rows = 0;
        Throwable failure = null;
        try (PixelSink sink = sinks.create(out)) {
            sink.begin();
            while (batches.hasNext()) {
                if (deadline != null) {
                    deadline.check();
                }
                PixelBatch b = batches.next();
                sink.write(b);
                rows += b.size();
            }
            sink.finish();
            out.flush();
            return rows;
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            release();
            observer.finished(rows, out.count(), failure);
        }
    }

    private void release() {
        if (closed.compareAndSet(false, true)) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("releasing a stream's resources failed", e);
            }
        }
    }

    /** Releases what the stream holds without writing it (the request failed before its body). */
    @Override
    public void close() {
        if (!closed.get()) {
            release();
            observer.finished(0, 0, new IllegalStateException("not written"));
        }
    }
}
