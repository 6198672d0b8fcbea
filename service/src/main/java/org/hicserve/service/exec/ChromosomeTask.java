package org.hicserve.service.exec;

import java.util.function.Consumer;
import org.hicserve.reader.model.PixelBatch;

/**
 * The work for one chromosome of a cis query. Runs on an executor thread (or a worker process), opens its own
 * reader handle, hands every batch to {@code out} in order and closes the handle before returning.
 */
@FunctionalInterface
public interface ChromosomeTask {
    void run(Consumer<PixelBatch> out) throws Exception;
}
