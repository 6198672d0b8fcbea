package org.hicserve.reader.expected;

import org.hicserve.reader.model.Chromosome;

/**
 * The per-diagonal expected table of one chromosome, index = distance in bins. Columns a source does not know are
 * null (a .hic file stores averages, not sums); {@code balanced*} are null for raw counts.
 * Callers must not write to the arrays.
 *
 * @param nValid bin pairs on the diagonal whose weights are both usable (all pairs when raw), as cooltools counts
 * @param countSum raw counts of every stored pixel on the diagonal (cooltools' {@code count.sum})
 * @param countAvg average raw count per bin pair
 * @param balancedSum sum of normalized values of the pixels whose weights are both finite
 * @param balancedAvg {@code balancedSum / nValid}, or the stored normalized vector of a .hic file
 */
public record DiagonalRows(Chromosome chromosome, long[] nValid, double[] countSum, double[] countAvg,
        double[] balancedSum, double[] balancedAvg) {
    public int size() {
        return nValid.length;
    }

    /** What {@code oe} divides by at a distance: balanced when normalized; the last diagonal past the end. */
    public double expected(long dist) {
        double[] v = balancedAvg != null ? balancedAvg : countAvg;
        if (v == null || v.length == 0 || dist < 0) {
            return Double.NaN;
        }
        return v[(int) Math.min(dist, v.length - 1)];
    }

    static double at(double[] column, int i) {
        return column == null ? Double.NaN : column[i];
    }

    /** Approximate heap size, for a cache bounded in bytes. */
    public long bytes() {
        long n = nValid.length;
        int arrays = 1 + (countSum != null ? 1 : 0) + (countAvg != null ? 1 : 0) + (balancedSum != null ? 1 : 0)
                + (balancedAvg != null ? 1 : 0);
        return 64 + arrays * (16 + 8 * n);
    }
}
