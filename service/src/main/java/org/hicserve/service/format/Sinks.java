package org.hicserve.service.format;

import java.io.OutputStream;
import org.apache.arrow.memory.BufferAllocator;

/** Builds the sink for a format. */
public final class Sinks {
    private Sinks() {
    }

    public static PixelSink create(OutputFormat format, OutputStream out, PixelTable table, BufferAllocator allocator) {
        return switch (format) {
            case ARROW -> new ArrowSink(out, table, allocator);
            case TSV -> new TsvSink(out, table);
            case JSON -> new JsonSink(out, table);
            case NPY, PNG -> throw new IllegalArgumentException(format + " needs a dense matrix: see DenseMatrix");
        };
    }
}
