package org.hicserve.service.worker;

import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.service.arrow.PixelColumns;
import org.hicserve.service.arrow.PixelSchemas;
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
    private static final long LISTENER_WAIT_MILLIS = 60_000;

    private final BufferAllocator allocator;
    private final MetadataCache metadata = new MetadataCache(32);
    private final ReaderHandles handles = new ReaderHandles();

    PixelFlightProducer(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
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
                PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(f.chromosomes().byName(task.chromosome())))
                        .withNormalization(task.normalization()).withBatchRows(task.batchRows()));
                VectorSchemaRoot root = VectorSchemaRoot.create(PixelSchemas.of(false, s.countType(), Map.of()), allocator)) {
            BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
            backpressure.register(listener);
            listener.start(root);
            while (s.hasNext()) {
                PixelColumns.fillIds(root, s.next());
                rows += root.getRowCount();
                if (backpressure.waitForListener(LISTENER_WAIT_MILLIS) != BackpressureStrategy.WaitResult.READY) {
                    log.warn("task {} {}: client gone or not reading; stopping", task.path(), task.chromosome());
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
