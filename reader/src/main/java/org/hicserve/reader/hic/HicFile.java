package org.hicserve.reader.hic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.io.BlockInflater;
import org.hicserve.reader.io.DecodedBlockCache;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.transform.BatchingPixelSelector;

/**
 * A Juicer .hic file (versions 6 to 9) opened at one resolution and unit. The handle owns its own byte source
 * (positional reads) and block inflater; the parsed header, indexes and vectors live in a {@link HicMetadata} that may
 * be shared by many handles. Not thread-safe (one handle per request), but its selectors may be consumed one after the
 * other or interleaved on the same thread.
 *
 * <p><b>Count type.</b> Juicer stores counts as int16 or float32 per block (float32 whenever a block holds a count too
 * large for int16, so float blocks are common even for integer data). Raw counts are served as INT32, rounding each
 * stored value to the nearest integer (exact for every count Juicer Tools writes from integer contacts), unless the
 * header's {@code hicFileScalingFactor} attribute is other than 1, in which case they are served as FLOAT64 and
 * {@link #hasFloatCounts()} is true. Caveat: a file built from fractional scores without that attribute would be
 * rounded.
 *
 * <p><b>Semantics</b> (as hic-straw, straw and hictk): bin ids are genome-wide over the chromosomes without {@code All};
 * a cis query returns what is stored inside the rectangle (the upper triangle for Juicer files), {@link QuerySpan#FULL}
 * adds the mirror of each stored upper-triangle pixel (records stored below the diagonal, which only third-party
 * writers produce, are then skipped, since their mirror is the stored upper record); a trans query whose range1 comes
 * later in the file reads the stored matrix and transposes it; records past a chromosome's last bin are dropped.
 */
public final class HicFile implements MatrixFile {
    private final HicMetadata metadata;
    private final MatrixUnit unit;
    private final int resolution;
    private final Reference reference;
    private final FixedBinTable bins;
    private final ByteSource channel;
    private final BlockInflater inflater = new BlockInflater();
    private final java.util.concurrent.atomic.LongAdder blocksRead = new java.util.concurrent.atomic.LongAdder();
    private DecodedBlockCache blockCache = DecodedBlockCache.NONE;
    private DecodedBlockCache.FileKey fileKey;
    private java.util.concurrent.Executor decodeExecutor;
    private int decodeDepth;
    private boolean closed;

    private HicFile(HicMetadata metadata, MatrixUnit unit, int resolution, ByteSource channel) {
        this.metadata = metadata;
        this.unit = unit;
        this.resolution = resolution;
        this.reference = metadata.reference(unit);
        this.bins = new FixedBinTable(reference, resolution);
        this.channel = channel;
    }

    /**
     * Opens a .hic file at a resolution.
     *
     * @param resolution a bin size the file has, or {@code <= 0} when the file has exactly one in that unit
     * @param unit BP or FRAG; null means BP when the file has BP resolutions, FRAG otherwise
     */
    public static HicFile open(Path path, int resolution, MatrixUnit unit) {
        return open(HicMetadata.read(path), resolution, unit);
    }

    /** Opens another handle on already-parsed metadata (its own channel; the caches are shared). */
    public static HicFile open(HicMetadata metadata, int resolution, MatrixUnit unit) {
        MatrixUnit u = unit != null ? unit : metadata.defaultUnit();
        List<Integer> available = metadata.resolutions(u);
        int res = resolution;
        if (res <= 0) {
            if (available.size() != 1) {
                throw new UnknownNameException("resolution", String.valueOf(resolution), names(available));
            }
            res = available.get(0);
        } else if (!available.contains(res)) {
            throw new UnknownNameException("resolution", String.valueOf(resolution), names(available));
        }
        try {
            return new HicFile(metadata, u, res, metadata.openSource());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + metadata.name(), e);
        }
    }

    private static List<String> names(List<Integer> resolutions) {
        return resolutions.stream().map(String::valueOf).toList();
    }

    public HicMetadata metadata() {
        return metadata;
    }

    public MatrixUnit unit() {
        return unit;
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
        return FileFormat.HIC;
    }

    @Override
    public String formatVersion() {
        return String.valueOf(metadata.version());
    }

    @Override
    public String assembly() {
        return metadata.assembly();
    }

    @Override
    public List<Integer> resolutions() {
        return metadata.resolutions(unit);
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public Reference chromosomes() {
        return reference;
    }

    @Override
    public BinTable bins() {
        return bins;
    }

    @Override
    public List<String> normalizations() {
        return metadata.normalizations(unit, resolution);
    }

    @Override
    public Map<Integer, List<String>> normalizationsByResolution() {
        return metadata.normalizationsByResolution(unit);
    }

    @Override
    public boolean hasFloatCounts() {
        return metadata.fractionalCounts();
    }

    /** Interaction blocks this handle has inflated, decode-ahead included (normalization vectors are not counted). */
    @Override
    public long storageUnitsRead() {
        return blocksRead.sum();
    }

    /**
     * Decodes up to {@code blocks} interaction blocks ahead on {@code executor} while the reading thread filters the
     * current one. The executor's tasks never wait on each other; a block not yet started when it is needed is
     * decoded by the reading thread itself. Without this, everything is decoded on the reading thread.
     */
    @Override
    public void decodeAhead(java.util.concurrent.Executor executor, int blocks) {
        this.decodeExecutor = executor;
        this.decodeDepth = Math.max(0, blocks);
    }

    /**
     * Shares decoded blocks with the other handles given the same cache, keyed by this file's location and version
     * (read now) and each block's position. Queries fetched afterwards use it.
     */
    @Override
    public void useBlockCache(DecodedBlockCache cache) {
        this.blockCache = cache == null ? DecodedBlockCache.NONE : cache;
        this.fileKey = blockCache.enabled() ? new DecodedBlockCache.FileKey(
                channel().location(), channel().version()) : null;
    }

    /** The compressed sizes in the block index of the chromosome's own matrix at this resolution (read once, cached). */
    @Override
    public org.hicserve.reader.query.WorkEstimate estimateCis(org.hicserve.reader.model.Chromosome chromosome) {
        Chromosome c = checkRange(GenomicInterval.whole(chromosome), "chromosome").chromosome();
        int f = metadata.fileIndex(c.id());
        Optional<MatrixZoom> zoom = metadata.zoom(channel(), f, f, unit, resolution);
        if (zoom.isEmpty()) {
            return new org.hicserve.reader.query.WorkEstimate(0, 0, 0);
        }
        long bytes = 0;
        for (int size : zoom.get().sizes()) {
            bytes += size;
        }
        return new org.hicserve.reader.query.WorkEstimate(bytes, -1, zoom.get().blockCount());
    }

    @Override
    public PixelSelector fetch(PixelQuery query) {
        if (closed) {
            throw new IllegalStateException("fetch on a closed HicFile: " + name());
        }
        GenomicInterval r1 = checkRange(query.range1(), "range1");
        GenomicInterval r2 = checkRange(query.range2(), "range2");
        String norm = query.isNormalized() ? resolveNormalization(query.normalization()) : null;

        int c1 = r1.chromosome().id();
        int c2 = r2.chromosome().id();
        int f1 = metadata.fileIndex(c1);
        int f2 = metadata.fileIndex(c2);
        boolean transposed = f1 > f2;
        Optional<MatrixZoom> zoom = metadata.zoom(channel, Math.min(f1, f2), Math.max(f1, f2), unit, resolution);

        HicPixelSource.Mode mode = c1 != c2 ? (transposed ? HicPixelSource.Mode.TRANSPOSED : HicPixelSource.Mode.DIRECT)
                : query.span() == QuerySpan.FULL ? HicPixelSource.Mode.FULL_CIS : HicPixelSource.Mode.DIRECT;
        long off1 = bins.chromOffset(c1);
        long off2 = bins.chromOffset(c2);
        BinRange bins1 = bins.overlapping(r1);
        BinRange bins2 = bins.overlapping(r2);
        HicPixelSource source = new HicPixelSource(this, zoom.orElse(null), metadata.version() >= 9 && c1 == c2, mode,
                HicPixelSource.RelativeBins.of(bins1, off1, bins2, off2), rawFloat(query));

        Weights weights = null;
        if (norm != null) {
            double[] v1 = vector(norm, c1);
            double[] v2 = c2 == c1 ? v1 : vector(norm, c2);
            weights = new HicWeights(norm, off1, bins.binCount(c1), v1, off2, bins.binCount(c2), v2);
        }
        return new BatchingPixelSelector(source, bins, rawFloat(query), weights, query.diagonalBandWidth(),
                query.batchRows(), query.countType());
    }

    /** Whether blocks are decoded as their stored float values (count_type=float, or a scaled file) or rounded. */
    private boolean rawFloat(PixelQuery query) {
        return query.countType() != null ? query.countType() == org.hicserve.reader.model.CountType.FLOAT64
                : hasFloatCounts();
    }

    @Override
    public Weights weights(String normalization) {
        String norm = resolveNormalization(normalization);
        if (norm.equals("NONE")) {
            throw new UnknownNameException("normalization", normalization, normalizations().subList(1,
                    normalizations().size()));
        }
        double[][] byChrom = new double[reference.size()][];
        for (int c = 0; c < byChrom.length; c++) {
            byChrom[c] = vector(norm, c);
        }
        return new Weights() {
            @Override
            public String name() {
                return norm;
            }

            @Override
            public boolean divisive() {
                return true;
            }

            @Override
            public double get(long binId) {
                int c = bins.chromIdOf(binId);
                double[] v = byChrom[c];
                long i = binId - bins.chromOffset(c);
                return v != null && i < v.length ? v[(int) i] : Double.NaN;
            }
        };
    }

    /**
     * The footer's expected vector of a normalization at this unit and resolution, {@code E_c[d] = E[d] / f_c}
     * (straw, hictk); a chromosome without a stored factor has NaN expected values, so its O/E pixels are dropped.
     */
    @Override
    public Optional<org.hicserve.reader.expected.Expected> storedExpected(String normalization) {
        String type = normalization == null || normalization.equalsIgnoreCase("NONE") ? "NONE" : normalization;
        HicExpectedVectors index = metadata.expectedIndex(channel());
        List<String> types = index.types(unit.name(), resolution);
        String found = types.stream().filter(t -> t.equals(type)).findFirst()
                .or(() -> types.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst())
                .orElseThrow(() -> new UnknownNameException("expected_vector", normalization + " at " + unit + " "
                        + resolution, types));
        HicExpectedVectors.Stored stored = metadata.expectedVector(channel(), found, unit, resolution).orElseThrow();
        double[] factors = new double[reference.size()];
        for (int c = 0; c < factors.length; c++) {
            Double f = stored.factors().get(metadata.fileIndex(c));
            factors[c] = f == null ? Double.NaN : f;
        }
        return Optional.of(new org.hicserve.reader.expected.StoredExpected(found, stored.values(), factors));
    }

    /**
     * straw's trans expected: the matrix's stored {@code sumCounts} over {@code floor(len1/res) * floor(len2/res)}
     * (NaN, so no pixel, when the file has no such matrix).
     */
    @Override
    public double storedTransExpected(int chrom1, int chrom2) {
        int f1 = metadata.fileIndex(chrom1);
        int f2 = metadata.fileIndex(chrom2);
        Optional<MatrixZoom> zoom = metadata.zoom(channel(), Math.min(f1, f2), Math.max(f1, f2), unit, resolution);
        if (zoom.isEmpty()) {
            return Double.NaN;
        }
        long n1 = reference.get(chrom1).length() / resolution;
        long n2 = reference.get(chrom2).length() / resolution;
        return ((double) zoom.get().sumCounts() / n1) / n2;
    }

    @Override
    public Weights weights(String normalization, int chromId) {
        if (chromId < 0 || chromId >= reference.size()) {
            throw new InvalidQueryException("no chromosome " + chromId + " in " + path().getFileName());
        }
        String norm = resolveNormalization(normalization);
        double[] v = vector(norm, chromId);
        long off = bins.chromOffset(chromId);
        long n = bins.binCount(chromId);
        return new HicWeights(norm, off, n, v, off, n, v);
    }

    private double[] vector(String norm, int chromId) {
        return metadata.normVector(channel, norm, metadata.fileIndex(chromId), unit, resolution,
                bins.binCount(chromId)).orElse(null);
    }

    private GenomicInterval checkRange(GenomicInterval r, String which) {
        Chromosome c = r.chromosome();
        if (c.id() >= reference.size() || !reference.get(c.id()).equals(c)) {
            throw new InvalidQueryException(which + " " + r + " is not on a chromosome of " + name()
                    + " (" + unit + ")");
        }
        return r;
    }

    private String resolveNormalization(String name) {
        return Normalization.resolveName(name, normalizations());
    }

    /** .hic vectors are always divisive. */
    @Override
    public Normalization normalization(String requested) {
        String name = resolveNormalization(requested);
        return name.equals(Normalization.NONE_NAME) ? Normalization.NONE : new Normalization(name, true);
    }

    ByteSource channel() {
        if (closed) {
            throw new IllegalStateException("reading from a closed HicFile: " + name());
        }
        return channel;
    }

    BlockInflater inflater() {
        return inflater;
    }

    void countBlockRead() {
        blocksRead.increment();
    }

    DecodedBlockCache blockCache() {
        return blockCache;
    }

    DecodedBlockCache.FileKey fileKey() {
        return fileKey;
    }

    java.util.concurrent.Executor decodeExecutor() {
        return decodeExecutor;
    }

    int decodeDepth() {
        return decodeDepth;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inflater.close();
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "HicFile[" + name() + ", " + unit + " " + resolution + "]";
    }
}
