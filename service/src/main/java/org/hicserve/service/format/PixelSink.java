package org.hicserve.service.format;

import java.io.IOException;
import org.hicserve.reader.model.PixelBatch;

/**
 * Writes a stream of pixel batches in one output format. {@link #finish()} writes the format's end (Arrow's
 * end-of-stream marker, JSON's closing brackets): a stream without it is incomplete. Not thread-safe.
 */
public interface PixelSink extends AutoCloseable {
    void begin() throws IOException;

    void write(PixelBatch batch) throws IOException;

    void finish() throws IOException;

    /** Releases buffers; does not write anything. */
    @Override
    void close();
}
