package org.hicserve.service.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;

/** A handle that takes itself off the open-handles count when closed (once, however often close is called). */
final class CountedMatrixFile implements MatrixFile {
    private final MatrixFile delegate;
    private final AtomicInteger open;
    private final AtomicBoolean closed = new AtomicBoolean();

    CountedMatrixFile(MatrixFile delegate, AtomicInteger open) {
        this.delegate = delegate;
        this.open = open;
    }

    @Override
    public Path path() {
        return delegate.path();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public FileFormat format() {
        return delegate.format();
    }

    @Override
    public String formatVersion() {
        return delegate.formatVersion();
    }

    @Override
    public String assembly() {
        return delegate.assembly();
    }

    @Override
    public List<Integer> resolutions() {
        return delegate.resolutions();
    }

    @Override
    public int resolution() {
        return delegate.resolution();
    }

    @Override
    public Reference chromosomes() {
        return delegate.chromosomes();
    }

    @Override
    public BinTable bins() {
        return delegate.bins();
    }

    @Override
    public List<String> normalizations() {
        return delegate.normalizations();
    }

    @Override
    public Map<Integer, List<String>> normalizationsByResolution() {
        return delegate.normalizationsByResolution();
    }

    @Override
    public org.hicserve.reader.model.Normalization normalization(String requested) {
        return delegate.normalization(requested);
    }

    @Override
    public boolean hasFloatCounts() {
        return delegate.hasFloatCounts();
    }

    @Override
    public void decodeAhead(java.util.concurrent.Executor executor, int units) {
        delegate.decodeAhead(executor, units);
    }

    @Override
    public void useBlockCache(org.hicserve.reader.io.DecodedBlockCache cache) {
        delegate.useBlockCache(cache);
    }

    @Override
    public long storageUnitsRead() {
        return delegate.storageUnitsRead();
    }

    @Override
    public org.hicserve.reader.model.Weights weights(String normalization) {
        return delegate.weights(normalization);
    }

    @Override
    public java.util.Optional<org.hicserve.reader.expected.Expected> storedExpected(String normalization) {
        return delegate.storedExpected(normalization);
    }

    @Override
    public double storedTransExpected(int chrom1, int chrom2) {
        return delegate.storedTransExpected(chrom1, chrom2);
    }

    @Override
    public org.hicserve.reader.model.Weights weights(String normalization, int chromId) {
        return delegate.weights(normalization, chromId);
    }

    @Override
    public org.hicserve.reader.query.WorkEstimate estimateCis(org.hicserve.reader.model.Chromosome chromosome) {
        return delegate.estimateCis(chromosome); // without it every handle of the service would estimate nothing
    }

    @Override
    public PixelSelector fetch(PixelQuery query) {
        return delegate.fetch(query);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                delegate.close();
            } finally {
                open.decrementAndGet();
            }
        }
    }
}
