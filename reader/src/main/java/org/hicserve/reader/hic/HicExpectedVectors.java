package org.hicserve.reader.hic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hicserve.reader.io.BinaryCursor;

/**
 * The index of the expected-value vectors stored in a .hic footer, after the master index: first the vectors of raw
 * counts ({@code NONE}), then one per normalization type. Each is a genome-wide {@code E[d]} per (unit, bin size) and
 * a scale factor per chromosome, {@code E_c[d] = E[d] / f_c} (straw, hictk). Only where each vector lies is kept
 * here; its values are read by {@link #read} when a query needs them, so opening a file stays cheap. Immutable.
 */
final class HicExpectedVectors {
    /** Where one vector lies: {@code nValues} values at {@code valuesAt}, then {@code nFactors} factors. */
    record Entry(String type, String unit, int binSize, long valuesAt, long nValues, long factorsAt, int nFactors) {
    }

    /** One vector read from the file: {@code E[d]} and the factor of each file chromosome index that has one. */
    record Stored(double[] values, Map<Integer, Double> factors) {
    }

    private record Key(String type, String unit, int binSize) {
    }

    private final int version;
    private final Map<Key, Entry> entries;

    private HicExpectedVectors(int version, Map<Key, Entry> entries) {
        this.version = version;
        this.entries = Map.copyOf(entries);
    }

    /** Parses the index; {@code in} covers the whole file. A file that ends before a section has none of it. */
    static HicExpectedVectors read(BinaryCursor in, HicHeader header) {
        int version = header.version();
        in.seek(header.footerPosition(), "footerPosition");
        if (version >= 9) {
            in.int64("nBytesV5");
        } else {
            in.int32("nBytesV5");
        }
        int nEntries = in.int32Count("nEntries", HicFooter.MAX_ENTRIES, 1 + 8 + 4);
        for (int i = 0; i < nEntries; i++) {
            in.cString("master index key");
            in.skip(12, "master index entry");
        }
        Map<Key, Entry> entries = new HashMap<>();
        if (!in.atEnd()) {
            section(in, version, false, entries);
        }
        if (!in.atEnd()) {
            section(in, version, true, entries);
        }
        return new HicExpectedVectors(version, entries);
    }

    private static void section(BinaryCursor in, int version, boolean normalized, Map<Key, Entry> out) {
        String prefix = normalized ? "normalized expected " : "expected ";
        int valueBytes = version >= 9 ? 4 : 8;
        int n = in.int32Count(prefix + "nVectors", HicFooter.MAX_VECTORS, 4);
        for (int i = 0; i < n; i++) {
            String type = normalized ? in.cString(prefix + "type") : "NONE";
            String unit = in.cString(prefix + "unit");
            int binSize = in.int32(prefix + "binSize");
            long nValues = version >= 9 ? in.int64Count(prefix + "nValues", Long.MAX_VALUE, valueBytes)
                    : in.int32Count(prefix + "nValues", Integer.MAX_VALUE, valueBytes);
            long valuesAt = in.position();
            in.skip(nValues * valueBytes, prefix + "values");
            int nFactors = in.int32Count(prefix + "nChrScaleFactors", Integer.MAX_VALUE, 4 + valueBytes);
            long factorsAt = in.position();
            in.skip((long) nFactors * (4 + valueBytes), prefix + "chrScaleFactors");
            out.putIfAbsent(new Key(type, unit, binSize), new Entry(type, unit, binSize, valuesAt, nValues, factorsAt,
                    nFactors));
        }
    }

    Optional<Entry> find(String type, String unit, int binSize) {
        return Optional.ofNullable(entries.get(new Key(type, unit, binSize)));
    }

    /** The vector types stored for one unit and bin size ({@code NONE} first when present). */
    List<String> types(String unit, int binSize) {
        List<String> out = new ArrayList<>();
        entries.values().stream().filter(e -> e.unit().equals(unit) && e.binSize() == binSize)
                .map(Entry::type).sorted((a, b) -> a.equals("NONE") ? -1 : b.equals("NONE") ? 1 : a.compareTo(b))
                .forEach(out::add);
        return out;
    }

    /** Reads one vector's values (float32 widened in v9) and factors; {@code in} covers the whole file. */
    Stored read(BinaryCursor in, Entry e) {
        if (e.nValues() > Integer.MAX_VALUE - 8) {
            throw in.malformed("expected nValues", e.nValues(), e.valuesAt(), "too many values to hold");
        }
        in.seek(e.valuesAt(), "expected values");
        double[] values = new double[(int) e.nValues()];
        for (int i = 0; i < values.length; i++) {
            values[i] = version >= 9 ? in.float32("expected value") : in.float64("expected value");
        }
        in.seek(e.factorsAt(), "expected scale factors");
        Map<Integer, Double> factors = new HashMap<>();
        for (int i = 0; i < e.nFactors(); i++) {
            int chrIdx = in.int32("scale factor chrIdx");
            double f = version >= 9 ? in.float32("scale factor") : in.float64("scale factor");
            factors.putIfAbsent(chrIdx, f);
        }
        return new Stored(values, Map.copyOf(factors));
    }
}
