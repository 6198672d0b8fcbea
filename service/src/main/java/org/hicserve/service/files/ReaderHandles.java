package org.hicserve.service.files;

import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.model.MatrixUnit;

/**
 * Opens the per-request reader handles and counts those open (a gauge that must come back to 0 when the
 * service is idle: a leak shows there).
 */
public final class ReaderHandles {
    private final AtomicInteger open = new AtomicInteger();

    public int openCount() {
        return open.get();
    }

    public MatrixFile open(FileMetadata metadata, int resolution, MatrixUnit unit) {
        MatrixFile f = metadata.open(resolution, unit);
        open.incrementAndGet();
        return new CountedMatrixFile(f, open);
    }
}
