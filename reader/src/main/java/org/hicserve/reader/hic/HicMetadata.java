package org.hicserve.reader.hic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.hic.HicFooter.MatrixEntry;
import org.hicserve.reader.hic.HicFooter.NormVectorEntry;
import org.hicserve.reader.hic.HicHeader.HicChromosome;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Reference;

/**
 * Everything about a .hic file that does not depend on a query: header, master index and normalization-vector index,
 * parsed once by {@link #read}. Per-matrix block indexes and normalization vectors are read on first use through the
 * caller's channel and memoized, so one instance can serve many {@link HicFile} handles.
 *
 * <p>Thread-safe: the parsed structures are immutable and the caches are concurrent maps. The {@code All}
 * pseudo-chromosome is hidden here: {@link #reference} numbers the other chromosomes 0..n-1 in file order and
 * {@link #fileIndex} maps them back to the file's indices for matrix keys and vectors.
 */
public final class HicMetadata implements FileMetadata {
    private final Path path; // null: not a local file
    private final ByteSource.Opener opener;
    private final String name;
    private final long fileSize;
    private final HicHeader header;
    private final HicFooter footer;
    private final int[] fileIndex; // reference id -> file chromosome index
    private final Map<MatrixUnit, Reference> references;
    private final Map<MatrixUnit, List<Integer>> resolutions;
    private final Map<MatrixUnit, Map<Integer, List<String>>> normalizations;
    private final Map<NormKey, NormVectorEntry> vectorIndex;
    private final boolean fractionalCounts;
    private final ConcurrentHashMap<ZoomKey, Optional<MatrixZoom>> zooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<NormKey, Optional<double[]>> vectors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<NormKey, HicExpectedVectors.Stored> expected = new ConcurrentHashMap<>();
    private volatile HicExpectedVectors expectedIndex;

    private record ZoomKey(int chr1, int chr2, MatrixUnit unit, int binSize) {
    }

    private record NormKey(String type, int chrIdx, String unit, int binSize) {
    }

    private HicMetadata(String name, Path path, ByteSource.Opener opener, long fileSize, HicHeader header,
            HicFooter footer) {
        this.path = path;
        this.opener = opener;
        this.name = name;
        this.fileSize = fileSize;
        this.header = header;
        this.footer = footer;

        List<HicChromosome> visible = header.chromosomes().stream().filter(c -> !c.isAll()).toList();
        this.fileIndex = visible.stream().mapToInt(HicChromosome::fileIndex).toArray();
        Map<MatrixUnit, Reference> refs = new EnumMap<>(MatrixUnit.class);
        Map<MatrixUnit, List<Integer>> res = new EnumMap<>(MatrixUnit.class);
        res.put(MatrixUnit.BP, header.bpResolutions().stream().sorted().toList());
        res.put(MatrixUnit.FRAG, header.fragResolutions().stream().sorted().toList());
        List<Chromosome> bp = new ArrayList<>();
        List<Chromosome> frag = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            HicChromosome c = visible.get(i);
            bp.add(new Chromosome(i, c.name(), c.length()));
            frag.add(new Chromosome(i, c.name(), Math.max(0, c.fragmentCount())));
        }
        refs.put(MatrixUnit.BP, new Reference(bp));
        refs.put(MatrixUnit.FRAG, new Reference(frag));
        this.references = Collections.unmodifiableMap(refs);
        this.resolutions = Collections.unmodifiableMap(res);

        Set<Integer> hidden = new java.util.HashSet<>();
        header.chromosomes().stream().filter(HicChromosome::isAll).forEach(c -> hidden.add(c.fileIndex()));
        Map<NormKey, NormVectorEntry> index = new HashMap<>();
        Map<MatrixUnit, Map<Integer, Set<String>>> types = new EnumMap<>(MatrixUnit.class);
        for (NormVectorEntry e : footer.normVectors()) {
            index.putIfAbsent(new NormKey(e.type(), e.chrIdx(), e.unit(), e.binSize()), e);
            MatrixUnit u = unitOf(e.unit());
            if (u != null && !hidden.contains(e.chrIdx()) && !e.type().equalsIgnoreCase("NONE")) {
                types.computeIfAbsent(u, k -> new HashMap<>())
                        .computeIfAbsent(e.binSize(), k -> new LinkedHashSet<>()).add(e.type());
            }
        }
        this.vectorIndex = Map.copyOf(index);
        Map<MatrixUnit, Map<Integer, List<String>>> norms = new EnumMap<>(MatrixUnit.class);
        for (MatrixUnit u : MatrixUnit.values()) {
            Map<Integer, List<String>> byRes = new LinkedHashMap<>();
            for (int r : res.get(u)) {
                List<String> names = new ArrayList<>();
                names.add("NONE");
                names.addAll(types.getOrDefault(u, Map.of()).getOrDefault(r, Set.of()));
                byRes.put(r, List.copyOf(names));
            }
            norms.put(u, Collections.unmodifiableMap(byRes));
        }
        this.normalizations = Collections.unmodifiableMap(norms);

        String scaling = header.attributes().get("hicFileScalingFactor");
        boolean fractional = false;
        if (scaling != null) {
            try {
                fractional = Double.parseDouble(scaling.strip()) != 1.0;
            } catch (NumberFormatException e) {
                fractional = false;
            }
        }
        // hicserve convert marks a .hic made from a float-count cooler, whose float32 blocks must not be rounded
        this.fractionalCounts = fractional || "float".equals(header.attributes().get("hicserve.countType"));
    }

    /** Reads the header and footer of a .hic file. */
    public static HicMetadata read(Path path) {
        return read(String.valueOf(path.getFileName()), path, LocalFileSource.opener(path));
    }

    /**
     * Reads the header and footer of a .hic file wherever its bytes are; handles open their own sources through
     * {@code opener}.
     *
     * @param path the local file, or null for a file elsewhere (an object in a store)
     */
    public static HicMetadata read(String name, Path path, ByteSource.Opener opener) {
        try (ByteSource ch = opener.open()) {
            long size = ch.size();
            HicHeader header = HicHeader.read(BinaryCursor.ofChannel(ch, name, 0, size));
            HicFooter footer = HicFooter.read(BinaryCursor.ofChannel(ch, name, 0, size), header);
            return new HicMetadata(name, path, opener, size, header, footer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name, e);
        }
    }

    /** A new source on the file's bytes (one per handle); the caller closes it. */
    public ByteSource openSource() throws IOException {
        return opener.open();
    }

    private static MatrixUnit unitOf(String unit) {
        return switch (unit) {
            case "BP" -> MatrixUnit.BP;
            case "FRAG" -> MatrixUnit.FRAG;
            default -> null;
        };
    }

    /** The local file, or null when the file is elsewhere (see {@link #name()}). */
    @Override
    public Path path() {
        return path;
    }

    @Override
    public FileFormat format() {
        return FileFormat.HIC;
    }

    /** A new handle on this file (see {@link HicFile#open(HicMetadata, int, MatrixUnit)}). */
    @Override
    public MatrixFile open(int resolution, MatrixUnit unit) {
        return HicFile.open(this, resolution, unit);
    }

    /** The file name, used in error messages. */
    @Override
    public String name() {
        return name;
    }

    public long fileSize() {
        return fileSize;
    }

    public HicHeader header() {
        return header;
    }

    public HicFooter footer() {
        return footer;
    }

    public int version() {
        return header.version();
    }

    /** The genome id, or the file name of a chrom.sizes path given as genome id (without {@code .chrom.sizes}). */
    public String assembly() {
        String g = header.genomeId().strip();
        if (g.contains("/") || g.contains("\\")) {
            g = g.substring(Math.max(g.lastIndexOf('/'), g.lastIndexOf('\\')) + 1);
            if (g.endsWith(".chrom.sizes")) {
                g = g.substring(0, g.length() - ".chrom.sizes".length());
            } else if (g.endsWith(".sizes")) {
                g = g.substring(0, g.length() - ".sizes".length());
            }
        }
        return g.isEmpty() ? "unknown" : g;
    }

    /** Chromosomes without {@code All}, numbered 0..n-1; FRAG lengths are fragment counts. */
    public Reference reference(MatrixUnit unit) {
        return references.get(unit);
    }

    /** BP when the file has BP resolutions (or no FRAG ones), else FRAG. */
    public MatrixUnit defaultUnit() {
        return resolutions(MatrixUnit.BP).isEmpty() && !resolutions(MatrixUnit.FRAG).isEmpty() ? MatrixUnit.FRAG
                : MatrixUnit.BP;
    }

    /** Resolutions of the default unit, ascending. */
    @Override
    public List<Integer> resolutions() {
        return resolutions(defaultUnit());
    }

    /** Resolutions of a unit, ascending. */
    public List<Integer> resolutions(MatrixUnit unit) {
        return resolutions.get(unit);
    }

    /** {@code NONE} then each vector type the file has at this unit and resolution, in file order. */
    public List<String> normalizations(MatrixUnit unit, int binSize) {
        return normalizations.get(unit).getOrDefault(binSize, List.of("NONE"));
    }

    public Map<Integer, List<String>> normalizationsByResolution(MatrixUnit unit) {
        return normalizations.get(unit);
    }

    /**
     * True when the file's counts are scaled to non-integers ({@code hicFileScalingFactor} other than 1), so raw
     * counts must be served as floats.
     */
    public boolean fractionalCounts() {
        return fractionalCounts;
    }

    /** The file's chromosome index of a reference chromosome id. */
    int fileIndex(int chromId) {
        return fileIndex[chromId];
    }

    /**
     * The block index of matrix {@code chr1_chr2} (file indices, chr1 <= chr2) at one resolution, read through
     * {@code channel} on first use; empty when the file has no such matrix or the matrix lacks that resolution.
     */
    Optional<MatrixZoom> zoom(ByteSource channel, int chr1, int chr2, MatrixUnit unit, int binSize) {
        ZoomKey key = new ZoomKey(chr1, chr2, unit, binSize);
        Optional<MatrixZoom> z = zooms.get(key);
        if (z != null) {
            return z;
        }
        return zooms.computeIfAbsent(key, k -> {
            MatrixEntry e = footer.masterIndex().get(chr1 + "_" + chr2);
            if (e == null) {
                return Optional.empty();
            }
            BinaryCursor in = BinaryCursor.ofChannel(channel, name + " matrix " + chr1 + "_" + chr2, e.position(),
                    e.position() + e.size());
            return MatrixZoom.read(in, chr1, chr2, unit.name(), binSize, fileSize);
        });
    }

    /** A normalization vector, its first {@code maxBins} values; empty when the file has none for that chromosome. */
    Optional<double[]> normVector(ByteSource channel, String type, int chrIdx, MatrixUnit unit, int binSize,
            long maxBins) {
        NormKey key = new NormKey(type, chrIdx, unit.name(), binSize);
        Optional<double[]> v = vectors.get(key);
        if (v != null) {
            return v;
        }
        return vectors.computeIfAbsent(key, k -> {
            NormVectorEntry e = vectorIndex.get(k);
            if (e == null) {
                return Optional.empty();
            }
            BinaryCursor in = BinaryCursor.ofChannel(channel,
                    name + " normalization vector " + type + "/" + chrIdx + "/" + unit + "/" + binSize, e.position(),
                    e.position() + e.nBytes());
            return Optional.of(NormVector.read(in, version(), maxBins));
        });
    }

    /** The index of the stored expected vectors, parsed through {@code channel} on first use. */
    HicExpectedVectors expectedIndex(ByteSource channel) {
        HicExpectedVectors e = expectedIndex;
        if (e == null) {
            e = HicExpectedVectors.read(BinaryCursor.ofChannel(channel, name + " footer", 0, fileSize), header);
            expectedIndex = e;
        }
        return e;
    }

    /** A stored expected vector and its factors, read on first use; empty when the file has none for that key. */
    Optional<HicExpectedVectors.Stored> expectedVector(ByteSource channel, String type, MatrixUnit unit, int binSize) {
        NormKey key = new NormKey(type, -1, unit.name(), binSize);
        HicExpectedVectors.Stored v = expected.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        HicExpectedVectors index = expectedIndex(channel);
        Optional<HicExpectedVectors.Entry> entry = index.find(type, unit.name(), binSize);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(expected.computeIfAbsent(key, k -> index.read(
                BinaryCursor.ofChannel(channel, name + " expected " + type + "/" + unit + "/" + binSize, 0, fileSize),
                entry.get())));
    }

    @Override
    public String toString() {
        return "HicMetadata[" + name + ", v" + version() + ", " + new TreeMap<>(resolutions) + "]";
    }
}
