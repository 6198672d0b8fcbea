package org.hicserve.reader.expected;

/**
 * The expected of a .hic file as its footer stores it: one genome-wide vector {@code E[d]} and a factor per
 * chromosome, {@code E_c[d] = E[d] / f_c}, read at {@code min(d, len - 1)} as straw and hictk do. A chromosome
 * without a stored factor uses 1. Immutable.
 */
public final class StoredExpected implements Expected {
    private final String normalization;
    private final double[] values;
    private final double[] factors; // by reference chromosome id

    /** @param factors per reference chromosome id; the arrays are owned by this object from now on */
    public StoredExpected(String normalization, double[] values, double[] factors) {
        this.normalization = normalization;
        this.values = values;
        this.factors = factors;
    }

    @Override
    public String normalization() {
        return normalization;
    }

    /** Number of stored values. */
    public int length() {
        return values.length;
    }

    /** The stored genome-wide value at a distance (clamped to the last). */
    public double genomeWide(long dist) {
        return values.length == 0 || dist < 0 ? Double.NaN : values[(int) Math.min(dist, values.length - 1)];
    }

    public double factor(int chromId) {
        return factors[chromId];
    }

    @Override
    public double cis(int chromId, long dist) {
        return genomeWide(dist) / factors[chromId];
    }
}
