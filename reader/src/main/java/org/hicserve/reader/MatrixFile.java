package org.hicserve.reader;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;

/**
 * A contact matrix file opened at one resolution: a {@code CoolerFile} or a {@code HicFile}.
 * A handle belongs to one request or one thread; open another for another. Closing it releases the file.
 */
public interface MatrixFile extends Closeable {
    Path path();

    FileFormat format();

    /** The container's own version: cooler {@code format-version}, .hic header version. */
    String formatVersion();

    /** Genome assembly, or "unknown". */
    String assembly();

    /** All resolutions the file stores, ascending. */
    List<Integer> resolutions();

    /** The resolution this handle reads. */
    int resolution();

    Reference chromosomes();

    BinTable bins();

    /** Normalizations usable at this resolution, {@code NONE} first. */
    List<String> normalizations();

    /** Normalizations usable at each resolution of the file, {@code NONE} first in each list. */
    Map<Integer, List<String>> normalizationsByResolution();

    /** True when raw counts are stored as floats. */
    boolean hasFloatCounts();

    /**
     * Lets this handle decode ahead on an executor (chunks or blocks are independent) while the reading thread
     * works on what is already decoded; {@code units} is how many units of work may be ahead. The executor's
     * tasks never wait on one another. By default (and for readers that do not implement it) everything is
     * decoded on the reading thread.
     */
    default void decodeAhead(java.util.concurrent.Executor executor, int units) {
    }

    /**
     * What reading the cis pixels of {@code chromosome} will cost, from the indexes already parsed (no pixel is
     * read); {@link org.hicserve.reader.query.WorkEstimate#UNKNOWN} when this reader cannot tell.
     */
    default org.hicserve.reader.query.WorkEstimate estimateCis(org.hicserve.reader.model.Chromosome chromosome) {
        return org.hicserve.reader.query.WorkEstimate.UNKNOWN;
    }

    /** Plans a query and checks it against the file (errors here, not during iteration); reads pixels lazily. */
    PixelSelector fetch(PixelQuery query);

    @Override
    void close();
}
