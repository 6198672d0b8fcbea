package org.hicserve.reader.cooler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.io.DecodedBlockCache;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.model.ArrayWeights;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.transform.BatchingPixelSelector;

/**
 * A handle on one resolution of a .cool/.mcool file: shared immutable {@link CoolerMetadata} plus a byte source
 * and decoding buffers of its own. One handle per request or thread; selectors it returns share its buffers, so
 * iterate one selector at a time.
 */
public final class CoolerFile implements MatrixFile {
    private final CoolerMetadata metadata;
    private final CoolerGroup group;
    private final ByteSource channel;
    private final ChunkReader reader;
    private final java.util.concurrent.atomic.LongAdder chunksRead = new java.util.concurrent.atomic.LongAdder();
    private java.util.concurrent.Executor decodeExecutor;
    private int decodeAhead;
    private DecodedBlockCache blockCache = DecodedBlockCache.NONE;
    private DecodedBlockCache.FileKey fileKey;

    private CoolerFile(CoolerMetadata metadata, CoolerGroup group, ByteSource channel) {
        this.metadata = metadata;
        this.group = group;
        this.channel = channel;
        this.reader = new ChunkReader(channel, metadata.name(), chunksRead);
    }

    /** Opens {@code path} (or a cooler URI {@code file.mcool::/resolutions/N}) at a resolution (0: the only one). */
    public static CoolerFile open(String uri, int resolution) {
        CoolerUri u = CoolerUri.parse(uri);
        CoolerMetadata m = CoolerMetadata.read(u.path(), u.group().orElse(null));
        return open(m, resolution);
    }

    public static CoolerFile open(Path path, int resolution) {
        return open(CoolerMetadata.read(path), resolution);
    }

    /** Opens a new handle over already parsed metadata (the service caches metadata per file). */
    public static CoolerFile open(CoolerMetadata metadata, int resolution) {
        CoolerGroup g = metadata.group(resolution);
        try {
            return new CoolerFile(metadata, g, metadata.openSource());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + metadata.name(), e);
        }
    }

    public CoolerMetadata metadata() {
        return metadata;
    }

    @Override
    public Path path() {
        return metadata.path();
    }

    @Override
    public String name() {
        return metadata.name();
    }

    @Override
    public FileFormat format() {
        return metadata.format();
    }

    @Override
    public String formatVersion() {
        return group.formatVersion;
    }

    @Override
    public String assembly() {
        return group.assembly;
    }

    @Override
    public List<Integer> resolutions() {
        return metadata.resolutions();
    }

    @Override
    public int resolution() {
        return group.resolution;
    }

    @Override
    public Reference chromosomes() {
        return group.reference;
    }

    @Override
    public BinTable bins() {
        return group.bins;
    }

    @Override
    public List<String> normalizations() {
        return namesWithNone(group);
    }

    @Override
    public Map<Integer, List<String>> normalizationsByResolution() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        metadata.groups().forEach((res, g) -> out.put(res, namesWithNone(g)));
        return out;
    }

    private static List<String> namesWithNone(CoolerGroup g) {
        List<String> names = new ArrayList<>();
        names.add(PixelQuery.NONE);
        names.addAll(g.weightNames().stream().sorted().toList());
        return List.copyOf(names);
    }

    @Override
    public boolean hasFloatCounts() {
        return group.hasFloatCounts();
    }

    /** Whether a weight column is applied by division (Juicer-style) rather than multiplication (cooler balance). */
    public boolean isDivisive(String normalization) {
        return weightColumn(normalization).divisive();
    }

    /**
     * Decodes up to {@code windows} windows of pixels ahead on {@code executor} while the reading thread filters the
     * current one. The executor's tasks never wait on each other; a window not yet started when it is needed is
     * decoded by the reader itself. Without this, everything is decoded on the reading thread.
     */
    @Override
    public void decodeAhead(java.util.concurrent.Executor executor, int windows) {
        this.decodeExecutor = executor;
        this.decodeAhead = Math.max(0, windows);
    }

    /**
     * Shares the decoded chunks of the pixel columns ({@code bin2_id}, {@code count}) with the other handles given
     * the same cache, keyed by this file's location and version (read now) and each chunk's address. Queries fetched
     * afterwards use it.
     */
    @Override
    public void useBlockCache(DecodedBlockCache cache) {
        this.blockCache = cache == null ? DecodedBlockCache.NONE : cache;
        this.fileKey = blockCache.enabled() ? new DecodedBlockCache.FileKey(
                channel.location(), channel.version()) : null;
    }

    /** Column chunks (pixels, indexes, weights) this handle's readers have decoded, decode-ahead included. */
    @Override
    public long storageUnitsRead() {
        return chunksRead.sum();
    }

    /** The chromosome's rows in {@code indexes/bin1_offset}: its cis pixels and their trans pixels to later chromosomes. */
    @Override
    public org.hicserve.reader.query.WorkEstimate estimateCis(org.hicserve.reader.model.Chromosome chromosome) {
        long first = group.bins.chromOffset(chromosome.id());
        long end = first + group.bins.binCount(chromosome.id());
        return new org.hicserve.reader.query.WorkEstimate(-1, group.bin1Offset[(int) end] - group.bin1Offset[(int) first], -1);
    }

    @Override
    public PixelSelector fetch(PixelQuery query) {
        String file = metadata.name();
        group.requireQueryable(file);
        checkBelongs(query.range1());
        checkBelongs(query.range2());
        Weights weights = null;
        if (query.isNormalized()) {
            WeightColumn column = weightColumn(query.normalization());
            weights = new ArrayWeights(column.name(), column.divisive(), 0, group.weights(column, reader));
        }
        BinRange r1 = group.bins.overlapping(query.range1());
        BinRange r2 = group.bins.overlapping(query.range2());
        List<CoolerPixelSource.Scan> scans = new ArrayList<>(2);
        int chrom1 = query.range1().chromosome().id();
        int chrom2 = query.range2().chromosome().id();
        if (chrom1 <= chrom2) {
            // stored pixels (a, b) with a in r1 and b in r2; a <= b, so rows past r2 hold none
            scans.add(new CoolerPixelSource.Scan(new BinRange(r1.first(), Math.max(r1.first(), Math.min(r1.end(), r2.end()))),
                    r2, false, false));
        }
        boolean mirror = chrom1 > chrom2 || (chrom1 == chrom2 && query.span() == QuerySpan.FULL);
        if (mirror) {
            // stored pixels (a, b) with a in r2 and b in r1, answered as (b, a); the diagonal was answered above
            scans.add(new CoolerPixelSource.Scan(new BinRange(r2.first(), Math.max(r2.first(), Math.min(r2.end(), r1.end()))),
                    r1, true, chrom1 == chrom2));
        }
        String name = metadata.name();
        DecodedBlockCache cache = blockCache;
        DecodedBlockCache.FileKey key = fileKey;
        DecodedWindows windows = new DecodedWindows(group, decodeExecutor, decodeAhead,
                () -> new ChunkReader(channel, name, chunksRead).sharing(cache, key));
        CoolerPixelSource source = new CoolerPixelSource(group, windows, name, scans);
        return new BatchingPixelSelector(source, group.bins, source.floatCounts(), weights, query.diagonalBandWidth(),
                query.batchRows(), query.countType());
    }

    @Override
    public Weights weights(String normalization) {
        WeightColumn column = weightColumn(normalization);
        return new ArrayWeights(column.name(), column.divisive(), 0, group.weights(column, reader));
    }

    /**
     * Every stored pixel whose bin1 lies on chromosome {@code chromId} (its whole row strip: bin2 from the
     * chromosome's first bin to the last bin of the genome), raw, in stored order, chunk by chunk. For converters,
     * which read the pixel table once per chromosome instead of once per chromosome pair. Chunks are reused by the
     * next call; the caller closes the source.
     */
    public org.hicserve.reader.transform.RawPixelSource rowStrip(int chromId) {
        String name = metadata.name();
        group.requireQueryable(name);
        BinRange rows = group.bins.binsOf(chromId);
        BinRange columns = new BinRange(rows.first(), group.bins.size());
        DecodedWindows windows = new DecodedWindows(group, decodeExecutor, decodeAhead, () -> new ChunkReader(channel, name));
        return new CoolerPixelSource(group, windows, name, List.of(new CoolerPixelSource.Scan(rows, columns, false, false)));
    }

    /** Number of stored pixels at this resolution (the length of {@code pixels/bin2_id}). */
    public long pixelCount() {
        return group.nnz();
    }

    /** A copy of a balancing column, one value per bin (NaN = masked); see {@link #isDivisive} for how it applies. */
    public double[] weightValues(String normalization) {
        return group.weights(weightColumn(normalization), reader).clone();
    }

    private WeightColumn weightColumn(String requested) {
        String name = Normalization.resolveName(requested, normalizations());
        WeightColumn c = group.weightColumns.get(name);
        if (c == null) {
            throw new UnknownNameException("normalization", requested, normalizations());
        }
        return c;
    }

    @Override
    public Normalization normalization(String requested) {
        if (Normalization.requestsNone(requested)) {
            return Normalization.NONE;
        }
        WeightColumn c = weightColumn(requested);
        return new Normalization(c.name(), c.divisive());
    }

    private void checkBelongs(GenomicInterval range) {
        var c = range.chromosome();
        if (c.id() >= group.reference.size() || !group.reference.get(c.id()).equals(c)) {
            throw new InvalidQueryException("region " + range + " was not parsed against this file's chromosomes");
        }
    }

    @Override
    public void close() {
        reader.close();
        channel.close();
    }
}
