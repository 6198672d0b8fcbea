package org.hicserve.service.worker;

import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.service.arrow.PixelColumns;
import org.hicserve.service.arrow.PixelSchemas;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of the protocol: a {@code DoGet} with a {@link WorkerTask} ticket streams that chromosome's
 * cis pixels as {@code bin1_id, bin2_id, count} record batches. A file the worker cannot read is reported as
 * INVALID_ARGUMENT (the service does not retry it elsewhere); anything else is INTERNAL.
 */
final class PixelFlightProducer extends NoOpFlightProducer {
    static final String MALFORMED_PREFIX = "reader: ";
    private static final Logger log = LoggerFactory.getLogger(PixelFlightProducer.class);

    private final BufferAllocator allocator;
    private final MetadataCache metadata = new MetadataCache(32);
    private final ReaderHandles handles = new ReaderHandles();
    /** Tickets that reached the producer (a refused call never does). */
    final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    PixelFlightProducer(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** Waits until the client can take another batch; false if the call was cancelled meanwhile. */
    private static boolean awaitReady(ServerStreamListener listener) throws InterruptedException {
        long pause = 50_000; // ns, growing to 5 ms while the client is not reading
        while (!listener.isReady()) {
            if (listener.isCancelled()) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return !listener.isCancelled();
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        calls.incrementAndGet();
        WorkerTask task;
        try {
            task = WorkerTask.decode(ticket.getBytes());
        } catch (RuntimeException e) {
            listener.error(CallStatus.INVALID_ARGUMENT.withDescription("bad ticket: " + e.getMessage()).toRuntimeException());
            return;
        }
        long start = System.nanoTime();
        long rows = 0;
        MatrixUnit unit = task.unit() == null ? null : MatrixUnit.parse(task.unit());
        try (MatrixFile f = handles.open(metadata.get(Path.of(task.path()).toRealPath()), task.resolution(), unit);
                PixelSelector s = PixelTask.cis(task.chromosome()).select(f, task.normalization(), task.batchRows());
                VectorSchemaRoot root = VectorSchemaRoot.create(PixelSchemas.of(false, s.countType(), Map.of()), allocator)) {
            listener.start(root);
            while (s.hasNext()) {
                PixelColumns.fillIds(root, s.next());
                rows += root.getRowCount();
                // the service reads chromosomes in order, so a task may legitimately wait a long time for its
                // turn: wait as long as the call lives (the service's task timeout cancels it), never give up
                // silently, which would leave the service waiting for an end that never comes
                if (!awaitReady(listener)) {
                    log.warn("task {} {}: cancelled by the service after {} rows", task.path(), task.chromosome(), rows);
                    return;
                }
                listener.putNext();
            }
            listener.completed();
            log.info("task {} {} @{} {}: {} rows in {} ms", Path.of(task.path()).getFileName(), task.chromosome(),
                    task.resolution(), task.normalization(), rows, (System.nanoTime() - start) / 1_000_000);
        } catch (ReaderException e) {
            log.warn("task {} {} failed: {}", task.path(), task.chromosome(), e.getMessage());
            listener.error(CallStatus.INVALID_ARGUMENT.withDescription(MALFORMED_PREFIX + e.getMessage()).toRuntimeException());
        } catch (Throwable t) {
            log.error("task {} {} failed", task.path(), task.chromosome(), t);
            listener.error(CallStatus.INTERNAL.withDescription(t.toString()).toRuntimeException());
        }
    }
}
