package org.hicserve.service.exec;

import java.util.function.Consumer;
import org.hicserve.reader.model.PixelBatch;

/**
 * The work for one chromosome of a cis query. Runs on an executor thread (or a worker process), opens its own
 * reader handle, hands every batch to {@code out} in order and closes the handle before returning.
 * <p>
 * A task made with {@link #resumable} can also be {@link #open()}ed as a {@link BatchSource}: {@link OrderedMerge}
 * then reads it in steps and parks it without a thread while the client is slow. A plain {@link #run} task holds
 * its executor thread until its last batch is taken.
 */
@FunctionalInterface
public interface ChromosomeTask {
    void run(Consumer<PixelBatch> out) throws Exception;

    /** The task as a pull source, or {@code null} if it can only {@link #run} to its end on one thread. */
    default BatchSource open() throws Exception {
        return null;
    }

    /** Opens what a {@link BatchSource} reads (a handle and a selector, a worker stream). */
    @FunctionalInterface
    interface Opener {
        BatchSource open() throws Exception;
    }

    /** A task that {@link OrderedMerge} can park between batches. */
    static ChromosomeTask resumable(Opener opener) {
        return new ChromosomeTask() {
            @Override
            public BatchSource open() throws Exception {
                return opener.open();
            }

            @Override
            public void run(Consumer<PixelBatch> out) throws Exception {
                try (BatchSource s = opener.open()) {
                    for (PixelBatch b = s.next(); b != null; b = s.next()) {
                        out.accept(b);
                    }
                }
            }
        };
    }
}
