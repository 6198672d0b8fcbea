package org.hicserve.service.exec;

import java.util.Iterator;
import org.hicserve.reader.model.PixelBatch;

/**
 * One chromosome's batches, pulled one at a time. {@link OrderedMerge} pulls only while the answer's queue has
 * room and gives its thread back otherwise, so a client that reads slowly parks this source (an open handle, no
 * thread) instead of holding an executor thread. Used by one thread at a time; {@link #close()} releases what it
 * reads from and is called exactly once.
 */
public interface BatchSource extends AutoCloseable {
    /** The next batch, or {@code null} at the end. May wait on a file or a worker, never on the client. */
    PixelBatch next() throws Exception;

    @Override
    void close();

    /** Reads {@code batches} (a pixel selector, say), then closes {@code resources} in order. */
    static BatchSource of(Iterator<PixelBatch> batches, AutoCloseable... resources) {
        return new BatchSource() {
            @Override
            public PixelBatch next() {
                return batches.hasNext() ? batches.next() : null;
            }

            @Override
            public void close() {
                RuntimeException first = null;
                for (AutoCloseable r : resources) {
                    try {
                        r.close();
                    } catch (Exception e) {
                        if (first == null) {
                            first = new IllegalStateException("closing " + r + " failed", e);
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }
}
