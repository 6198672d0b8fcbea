package org.hicserve.reader.transform;

import java.io.Closeable;
import org.hicserve.reader.model.PixelBatch;

/**
 * What a format reader provides: the raw stored pixels of a query, already restricted to the query rectangle
 * and span and oriented as asked (bin1 on the range1 side), in chunks of any size. Raw means un-normalized:
 * normalization, the diagonal band and batching are applied on top, the same way for every format.
 */
public interface RawPixelSource extends Closeable {
    /** The next chunk, or {@code null} when the query is exhausted. Its arrays may be reused by the next call. */
    PixelBatch nextChunk();

    @Override
    void close();
}
