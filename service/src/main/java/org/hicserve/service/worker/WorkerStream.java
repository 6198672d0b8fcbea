package org.hicserve.service.worker;

import org.hicserve.reader.model.PixelBatch;

/** One task's answer from a worker, pulled batch by batch. Used by one thread; closed once (cancels if unfinished). */
public interface WorkerStream extends AutoCloseable {
    /**
     * The next batch, or {@code null} at the end. Throws {@link WorkerFailure} when the worker or its connection
     * failed (the task may be retried elsewhere) and a {@code ReaderException} when the file cannot be read.
     */
    PixelBatch next();

    @Override
    void close();
}
