package org.hicserve.service.files;

import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.io.DecodedBlockCache;
import org.hicserve.reader.model.MatrixUnit;

/**
 * Opens the per-request reader handles and counts those open (a gauge that must come back to 0 when the
 * service is idle: a leak shows there). Every handle it opens shares decoded blocks through one cache.
 */
public final class ReaderHandles {
    private final AtomicInteger open = new AtomicInteger();
    private final DecodedBlockCache blocks;

    /** Handles that share no decoded blocks. */
    public ReaderHandles() {
        this(DecodedBlockCache.NONE);
    }

    /** Handles that share decoded blocks through {@code blocks}. */
    public ReaderHandles(DecodedBlockCache blocks) {
        this.blocks = blocks;
    }

    public int openCount() {
        return open.get();
    }

    public DecodedBlockCache blockCache() {
        return blocks;
    }

    public MatrixFile open(FileMetadata metadata, int resolution, MatrixUnit unit) {
        MatrixFile f = metadata.open(resolution, unit);
        try {
            if (blocks.enabled()) {
                f.useBlockCache(blocks);
            }
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
        open.incrementAndGet();
        return new CountedMatrixFile(f, open);
    }
}
