package org.hicserve.reader.cooler;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.UnsupportedFormatException;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.model.VariableBinTable;

/**
 * Everything about one cooler (one resolution of an .mcool) except its pixels: attributes, chromosomes, bins,
 * the CSR index {@code bin1_offset}, the layouts of the pixel and weight columns. Parsed once, checked for
 * consistency, then immutable (weights are decoded on first use and memoized). Shareable between threads.
 */
final class CoolerGroup {
    /** Columns of {@code bins/} that are coordinates, not balancing weights. */
    private static final Set<String> BIN_COORDINATES = Set.of("chrom", "chrom_id", "start", "end");
    /** A sanity cap: a chromosome table this long is corruption, not a genome. */
    private static final int MAX_CHROMOSOMES = 10_000_000;

    final String groupPath;
    final int resolution;
    final String formatVersion;
    final String assembly;
    final String storageMode;
    final Reference reference;
    final BinTable bins;
    final long[] bin1Offset;
    final ColumnLayout bin2Column;
    final ColumnLayout countColumn;
    final Map<String, WeightColumn> weightColumns;
    private final Map<String, double[]> weightValues = new ConcurrentHashMap<>();

    /** The group's descriptive attributes, as stored. */
    record Info(String formatVersion, String assembly, String storageMode) {
    }

    /**
     * Where the pixels are: the CSR index ({@code indexes/bin1_offset}, one entry per bin and one past the last) and
     * the layouts of {@code pixels/bin2_id} and {@code pixels/count}.
     */
    record PixelColumns(long[] bin1Offset, ColumnLayout bin2, ColumnLayout count) {
    }

    private CoolerGroup(String groupPath, int resolution, Info info, Reference reference, BinTable bins,
            PixelColumns pixels, Map<String, WeightColumn> weightColumns) {
        this.groupPath = groupPath;
        this.resolution = resolution;
        this.formatVersion = info.formatVersion();
        this.assembly = info.assembly();
        this.storageMode = info.storageMode();
        this.reference = reference;
        this.bins = bins;
        this.bin1Offset = pixels.bin1Offset();
        this.bin2Column = pixels.bin2();
        this.countColumn = pixels.count();
        this.weightColumns = weightColumns;
    }

    long nnz() {
        return bin2Column.length();
    }

    boolean hasFloatCounts() {
        return countColumn.isFloat() || countColumn.elementSize() == 8;
    }

    /** Balancing column names, in file order. */
    List<String> weightNames() {
        return List.copyOf(weightColumns.keySet());
    }

    /** The values of a weight column, decoded with the caller's reader on first use and shared afterwards. */
    double[] weights(WeightColumn column, ChunkReader reader) {
        double[] v = weightValues.get(column.name());
        if (v == null) {
            long n = column.layout().length();
            double[] fresh = new double[(int) n];
            reader.readDoubles(column.layout(), 0, (int) n, fresh, 0);
            v = weightValues.computeIfAbsent(column.name(), k -> fresh);
        }
        return v;
    }

    static CoolerGroup read(HdfFile h5, String groupPath, int resolutionHint, String file, long fileSize) {
        Group g = groupPath.equals("/") ? h5 : (Group) requireNode(h5, groupPath, file);
        String formatVersion = Attributes.string(g, "format-version").orElse("unknown");
        String assembly = Attributes.string(g, "assembly")
                .or(() -> Attributes.string(g, "genome-assembly")).orElse("unknown");
        // cooler <= v2 files without storage-mode are symmetric-upper (cooler docs)
        String storageMode = Attributes.string(g, "storage-mode").orElse("symmetric-upper");
        String binType = Attributes.string(g, "bin-type").orElse("fixed");

        String[] names = strings(dataset(g, "chroms/name", file), file);
        long[] lengths = longs(dataset(g, "chroms/length", file), file);
        if (names.length != lengths.length || names.length > MAX_CHROMOSOMES) {
            throw new MalformedFileException(file + ": " + groupPath + " chroms/name has " + names.length
                    + " entries but chroms/length has " + lengths.length);
        }
        List<Chromosome> chroms = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (lengths[i] < 0 || names[i] == null || names[i].isEmpty()) {
                throw new MalformedFileException(file + ": chromosome " + i + " has name '" + names[i] + "' and length " + lengths[i]);
            }
            chroms.add(new Chromosome(i, names[i], lengths[i]));
        }
        Reference reference = new Reference(chroms);

        Dataset starts = dataset(g, "bins/start", file);
        long nBins = starts.getDimensionsAsLong()[0];
        long[] chromOffset = longs(dataset(g, "indexes/chrom_offset", file), file);
        checkOffsets(chromOffset, names.length + 1, nBins, "indexes/chrom_offset", file);

        int resolution;
        BinTable bins;
        if (binType.equals("variable")) {
            long[] startValues = longs(starts, file);
            long[] endValues = longs(dataset(g, "bins/end", file), file);
            resolution = resolutionHint > 0 ? resolutionHint : widestBin(startValues, endValues);
            bins = new VariableBinTable(reference, resolution, chromOffset, startValues, endValues);
        } else {
            long binSize = Attributes.integer(g, "bin-size").orElseThrow(() -> new MalformedFileException(
                    file + ": " + groupPath + " has bin-type=fixed but no integer bin-size attribute"));
            if (binSize <= 0 || binSize > Integer.MAX_VALUE) {
                throw new MalformedFileException(file + ": " + groupPath + " bin-size=" + binSize);
            }
            resolution = (int) binSize;
            FixedBinTable fixed = new FixedBinTable(reference, resolution);
            for (int c = 0; c <= names.length; c++) {
                long expected = c < names.length ? fixed.chromOffset(c) : fixed.size();
                if (chromOffset[c] != expected) {
                    throw new MalformedFileException(file + ": " + groupPath + " indexes/chrom_offset[" + c + "] = "
                            + chromOffset[c] + " but the chromosome lengths and bin-size give " + expected);
                }
            }
            bins = fixed;
        }

        ColumnLayout bin2 = ColumnLayout.of(dataset(g, "pixels/bin2_id", file), file, fileSize);
        ColumnLayout count = ColumnLayout.of(dataset(g, "pixels/count", file), file, fileSize);
        if (bin2.isFloat()) {
            throw new MalformedFileException(file + ": pixels/bin2_id holds floats");
        }
        if (count.length() != bin2.length()) {
            throw new MalformedFileException(file + ": pixels/count has " + count.length() + " rows but pixels/bin2_id has "
                    + bin2.length());
        }
        long[] bin1Offset = longs(dataset(g, "indexes/bin1_offset", file), file);
        checkOffsets(bin1Offset, nBins + 1, bin2.length(), "indexes/bin1_offset", file);

        Map<String, WeightColumn> weights = new LinkedHashMap<>();
        Node binsGroup = requireNode(g, "bins", file);
        for (Node child : ((Group) binsGroup).getChildren().values()) {
            if (!(child instanceof Dataset ds) || BIN_COORDINATES.contains(child.getName())) {
                continue;
            }
            Class<?> type = ds.getJavaType();
            if (type != double.class && type != float.class) {
                continue;
            }
            ColumnLayout layout = ColumnLayout.of(ds, file, fileSize);
            if (layout.length() != nBins) {
                throw new MalformedFileException(file + ": weight column bins/" + child.getName() + " has "
                        + layout.length() + " values for " + nBins + " bins");
            }
            weights.put(child.getName(), WeightColumn.of(child.getName(), layout, Attributes.bool(ds, "divisive_weights")));
        }
        return new CoolerGroup(groupPath, resolution, new Info(formatVersion, assembly, storageMode), reference, bins,
                new PixelColumns(bin1Offset, bin2, count), Map.copyOf(weights));
    }

    private static int widestBin(long[] starts, long[] ends) {
        long widest = 1;
        for (int i = 0; i < starts.length; i++) {
            widest = Math.max(widest, ends[i] - starts[i]);
        }
        return (int) Math.min(widest, Integer.MAX_VALUE);
    }

    private static void checkOffsets(long[] offsets, long expectedLength, long expectedLast, String name, String file) {
        if (offsets.length != expectedLength) {
            throw new MalformedFileException(file + ": " + name + " has " + offsets.length + " entries, expected " + expectedLength);
        }
        if (offsets[0] != 0) {
            throw new MalformedFileException(file + ": " + name + "[0] = " + offsets[0] + ", expected 0");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new MalformedFileException(file + ": " + name + " decreases at " + i + " (" + offsets[i - 1]
                        + " then " + offsets[i] + "): corrupt index");
            }
        }
        if (offsets[offsets.length - 1] != expectedLast) {
            throw new MalformedFileException(file + ": " + name + " ends at " + offsets[offsets.length - 1]
                    + " but there are " + expectedLast + " rows");
        }
    }

    private static Node requireNode(Group g, String path, String file) {
        Node n;
        try {
            n = g.getByPath(path);
        } catch (RuntimeException e) {
            n = null;
        }
        if (n == null) {
            throw new MalformedFileException(file + ": no " + path + " in " + g.getPath() + " (not a cooler?)");
        }
        return n;
    }

    private static Dataset dataset(Group g, String path, String file) {
        Node n = requireNode(g, path, file);
        if (!(n instanceof Dataset ds)) {
            throw new MalformedFileException(file + ": " + g.getPath() + path + " is not a dataset");
        }
        return ds;
    }

    /** Deflate never expands more than 1032:1; cooler's other filters (shuffle, none) not at all. */
    private static final long MAX_INFLATION = 1032;
    /** Small datasets may sit in a chunk larger than their data: allow that much regardless of the ratio. */
    private static final long SMALL_DATASET_BYTES = 1 << 20;

    /**
     * Refuses a dataset whose dimensions claim more data than its stored bytes can hold, before jHDF materializes
     * it: a corrupt dimension (found by fuzzing: chroms/name claiming 67 million names in 16 stored bytes) would
     * otherwise make {@code getData} fill a huge array for seconds and end in an OutOfMemoryError.
     */
    static void requirePlausibleSize(Dataset ds, String file) {
        long elements = 1;
        for (long d : ds.getDimensionsAsLong()) {
            if (d < 0 || (d > 0 && elements > Long.MAX_VALUE / 64 / d)) {
                throw new MalformedFileException(file + ": " + ds.getPath() + " has impossible dimensions "
                        + java.util.Arrays.toString(ds.getDimensionsAsLong()));
            }
            elements *= d;
        }
        long bytes = elements * Math.max(1, ds.getDataType().getSize());
        long stored = ds.getStorageInBytes();
        if (bytes > SMALL_DATASET_BYTES && (bytes > Integer.MAX_VALUE || bytes / MAX_INFLATION > stored)) {
            throw new MalformedFileException(file + ": " + ds.getPath() + " claims " + elements + " elements ("
                    + bytes + " bytes) but stores only " + stored + " bytes: corrupt dimensions");
        }
    }

    static long[] longs(Dataset ds, String file) {
        requirePlausibleSize(ds, file);
        Object data = ds.getData();
        if (data instanceof long[] l) {
            return l;
        }
        if (data instanceof int[] ints) {
            long[] out = new long[ints.length];
            for (int i = 0; i < ints.length; i++) {
                out[i] = ints[i];
            }
            return out;
        }
        throw new MalformedFileException(file + ": " + ds.getPath() + " holds " + data.getClass().getSimpleName()
                + ", expected integers");
    }

    static String[] strings(Dataset ds, String file) {
        requirePlausibleSize(ds, file);
        Object data = ds.getData();
        if (data instanceof String[] s) {
            String[] out = new String[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i] == null ? null : s[i].replace("\0", "").strip();
            }
            return out;
        }
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 0) {
            return new String[0];
        }
        throw new MalformedFileException(file + ": " + ds.getPath() + " holds " + (data == null ? "nothing" : data.getClass().getSimpleName())
                + ", expected strings");
    }

    void requireQueryable(String file) {
        if (!storageMode.equals("symmetric-upper")) {
            throw new UnsupportedFormatException(file + ": storage-mode=" + storageMode
                    + " is not supported for queries (hicserve reads symmetric-upper coolers, as hictk does)");
        }
    }
}
