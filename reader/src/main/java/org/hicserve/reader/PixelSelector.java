package org.hicserve.reader;

import java.io.Closeable;
import java.util.Iterator;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.PixelBatch;

/**
 * The pixels of one query, read lazily batch by batch: nothing is read before the first {@link #next()},
 * and at most one batch (plus one decoded chunk or block) is held in memory at a time.
 * Not thread-safe: one selector belongs to one consumer.
 */
public interface PixelSelector extends Iterator<PixelBatch>, Closeable {
    /** INT32 for raw integer counts, FLOAT64 for normalized values or float files; fixed before the first batch. */
    CountType countType();

    BinTable bins();

    @Override
    void close();
}
