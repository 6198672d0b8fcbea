package org.hicserve.reader;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;

/**
 * A contact matrix file opened at one resolution: a {@code CoolerFile} or a {@code HicFile}.
 * A handle belongs to one request or one thread; open another for another. Closing it releases the file.
 */
public interface MatrixFile extends Closeable {
    /** The local file, or null for a file read from elsewhere (an object store, an HTTP server). */
    Path path();

    /** The file's name, for messages and answers' metadata. */
    String name();

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

    /**
     * The normalization a request names, resolved against this resolution's stored vectors by the one rule of
     * {@link Normalization} (case-insensitive, {@code NONE} for none).
     *
     * @throws org.hicserve.reader.error.UnknownNameException listing the names that exist
     */
    Normalization normalization(String requested);

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
     * Lets this handle share decoded storage units (.hic blocks, cooler pixel chunks) with every other handle given
     * the same cache, so that overlapping or nearby queries inflate a unit once; queries fetched afterwards use it.
     * Entries are immutable: no handle sees another's buffers. By default (and for readers that do not implement
     * it) nothing is shared.
     */
    default void useBlockCache(org.hicserve.reader.io.DecodedBlockCache cache) {
    }

    /**
     * How many storage units (cooler column chunks, .hic blocks) this handle has read from the file and decoded so
     * far, over all its queries; -1 when the reader does not count. It shows what a query costs (a region query reads
     * only its part of the file) in tests and in the Spark data source's metrics.
     */
    default long storageUnitsRead() {
        return -1;
    }

    /**
     * The balancing vector {@code normalization} over every bin of this resolution (genome-wide bin ids), as
     * {@link #fetch} applies it; an unknown name is an {@link org.hicserve.reader.error.UnknownNameException}.
     */
    default org.hicserve.reader.model.Weights weights(String normalization) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose its weights");
    }

    /**
     * The expected values the file itself stores for a normalization (the vectors of a .hic footer), or empty when
     * its format stores none (cooler: compute them with {@link org.hicserve.reader.expected.ExpectedCalculator}).
     * A format that stores them but lacks this one throws an {@link org.hicserve.reader.error.UnknownNameException}
     * listing those it has.
     */
    default java.util.Optional<org.hicserve.reader.expected.Expected> storedExpected(String normalization) {
        return java.util.Optional.empty();
    }

    /**
     * The stored expected of a trans pixel between two chromosomes (reference ids) for a format that stores
     * expected values; only called when {@link #storedExpected} is present.
     */
    default double storedTransExpected(int chrom1, int chrom2) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " stores no expected values");
    }

    /**
     * The weights of normalization {@code normalization} for the bins of chromosome {@code chromId}, looked up by
     * genome-wide bin id (NaN where a bin has none). For readers that show which bins are masked (the NaN rows
     * and columns of a viewer's tile) without reading pixels.
     */
    default org.hicserve.reader.model.Weights weights(String normalization, int chromId) {
        return weights(normalization);
    }

    /**
     * What reading the cis pixels of {@code chromosome} will cost, from the indexes already parsed (no pixel is
     * read); {@link org.hicserve.reader.query.WorkEstimate#UNKNOWN} when this reader cannot tell.
     */
    default org.hicserve.reader.query.WorkEstimate estimateCis(org.hicserve.reader.model.Chromosome chromosome) {
        return org.hicserve.reader.query.WorkEstimate.UNKNOWN;
    }

    /**
     * The pixels a cis query of the whole {@code chromosome} is estimated to answer, from the indexes alone
     * ({@link org.hicserve.reader.query.WorkEstimate#cisPixels}); -1 when this reader cannot tell.
     */
    default long estimateCisPixels(org.hicserve.reader.model.Chromosome chromosome) {
        return estimateCis(chromosome).cisPixels(bins().binCount(chromosome.id()));
    }

    /** Plans a query and checks it against the file (errors here, not during iteration); reads pixels lazily. */
    PixelSelector fetch(PixelQuery query);

    @Override
    void close();
}
