package org.hicserve.reader.expected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected of a file computed from its pixels, one {@link DiagonalRows} per chromosome (cooltools'
 * {@code expected_cis} with one region per chromosome, no smoothing, no diagonal ignored). Immutable.
 */
public final class ExpectedTable implements Expected {
    private final String normalization;
    private final List<DiagonalRows> rows;
    private final Map<Integer, DiagonalRows> byChrom;
    private final long bytes;

    public ExpectedTable(String normalization, List<DiagonalRows> rows) {
        this.normalization = normalization;
        this.rows = List.copyOf(rows);
        Map<Integer, DiagonalRows> m = new HashMap<>();
        long b = 64;
        for (DiagonalRows r : this.rows) {
            m.put(r.chromosome().id(), r);
            b += r.bytes();
        }
        this.byChrom = Map.copyOf(m);
        this.bytes = b;
    }

    @Override
    public String normalization() {
        return normalization;
    }

    /** Rows of every chromosome, in file order. */
    public List<DiagonalRows> rows() {
        return rows;
    }

    /** The rows of one chromosome, or null when the table lacks it. */
    public DiagonalRows rows(int chromId) {
        return byChrom.get(chromId);
    }

    @Override
    public double cis(int chromId, long dist) {
        DiagonalRows r = byChrom.get(chromId);
        return r == null ? Double.NaN : r.expected(dist);
    }

    /** Approximate heap size, for a cache bounded in bytes. */
    public long bytes() {
        return bytes;
    }
}
