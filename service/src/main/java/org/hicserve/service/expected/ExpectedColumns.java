package org.hicserve.service.expected;

import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.expected.DiagonalRows;

/**
 * The columns of the {@code expected} table (in order) and the value of each for one row: {@code chrom, dist,
 * dist_bp, n_valid, count_sum, count_avg} and, when normalized, {@code balanced_sum, balanced_avg}. A value the
 * source does not know (a .hic stores averages, not sums) is NaN.
 */
final class ExpectedColumns {
    static final List<String> RAW = List.of("chrom", "dist", "dist_bp", "n_valid", "count_sum", "count_avg");
    static final List<String> BALANCED = List.of("balanced_sum", "balanced_avg");

    private ExpectedColumns() {
    }

    static List<String> of(boolean normalized) {
        List<String> out = new ArrayList<>(RAW);
        if (normalized) {
            out.addAll(BALANCED);
        }
        return out;
    }

    /** The floating-point columns of row {@code d}: count_sum, count_avg[, balanced_sum, balanced_avg]. */
    static double[] values(DiagonalRows r, int d, boolean normalized) {
        if (!normalized) {
            return new double[] {at(r.countSum(), d), at(r.countAvg(), d)};
        }
        return new double[] {at(r.countSum(), d), at(r.countAvg(), d), at(r.balancedSum(), d), at(r.balancedAvg(), d)};
    }

    /** What a P(s) curve plots at row {@code d}: the balanced average when normalized, else the raw one. */
    static double average(DiagonalRows r, int d, boolean normalized) {
        return normalized ? at(r.balancedAvg(), d) : at(r.countAvg(), d);
    }

    private static double at(double[] column, int d) {
        return column == null ? Double.NaN : column[d];
    }
}
