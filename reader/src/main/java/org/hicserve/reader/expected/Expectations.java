package org.hicserve.reader.expected;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.transform.ExpectedPixelSelector;

/**
 * Where expected values come from for a file, whatever its format: the stored vectors of a .hic file, or a table
 * computed from a cooler's pixels; and the query that answers expected or observed / expected. Stateless.
 */
public final class Expectations {
    private Expectations() {
    }

    /** NONE, or the normalization as given. */
    public static String normalizationOf(String normalization) {
        return normalization == null || normalization.isBlank() || normalization.equalsIgnoreCase(PixelQuery.NONE)
                ? PixelQuery.NONE : normalization;
    }

    /**
     * The expected of a whole file at its resolution: stored, or computed chromosome after chromosome (the
     * service computes cooler tables on its executor instead and caches them).
     */
    public static Expected of(MatrixFile f, String normalization) {
        String norm = normalizationOf(normalization);
        Optional<Expected> stored = f.storedExpected(norm);
        if (stored.isPresent()) {
            return stored.get();
        }
        List<DiagonalRows> rows = new ArrayList<>();
        for (Chromosome c : f.chromosomes().chromosomes()) {
            rows.add(ExpectedCalculator.chromosome(f, c.id(), norm));
        }
        return new ExpectedTable(norm, rows);
    }

    /** The expected of a trans pair: stored (.hic), or the mean of the block read from the pixels. */
    public static double trans(MatrixFile f, Expected expected, int chrom1, int chrom2) {
        if (expected instanceof StoredExpected) {
            return f.storedTransExpected(chrom1, chrom2);
        }
        return ExpectedCalculator.trans(f, chrom1, chrom2, expected.normalization());
    }

    /**
     * The per-diagonal table of one chromosome: the computed rows of a table, or the stored vector of a .hic file
     * with {@code n_valid} counted from its normalization vector and, when normalized, the stored raw vector in
     * {@code count_avg} (sums are not stored, so they are null).
     */
    public static DiagonalRows rows(MatrixFile f, Expected expected, int chromId) {
        if (expected instanceof ExpectedTable t) {
            return t.rows(chromId);
        }
        Chromosome c = f.chromosomes().get(chromId);
        long nBins = f.bins().binCount(chromId);
        if (nBins > ExpectedCalculator.MAX_BINS) {
            throw new org.hicserve.reader.error.InvalidQueryException(c.name() + " has too many bins for a table");
        }
        int n = (int) nBins;
        boolean normalized = !PixelQuery.NONE.equals(expected.normalization());
        long[] nValid;
        if (normalized) {
            Weights w = f.weights(expected.normalization());
            nValid = ValidPairs.count(ExpectedCalculator.validBins(w, f.bins().chromOffset(chromId), n));
        } else {
            nValid = ExpectedCalculator.allPairs(n);
        }
        double[] stored = new double[n];
        for (int d = 0; d < n; d++) {
            stored[d] = expected.cis(chromId, d);
        }
        if (!normalized) {
            return new DiagonalRows(c, nValid, null, stored, null, null);
        }
        double[] raw = null;
        try {
            Optional<Expected> none = f.storedExpected(PixelQuery.NONE);
            if (none.isPresent()) {
                raw = new double[n];
                for (int d = 0; d < n; d++) {
                    raw[d] = none.get().cis(chromId, d);
                }
            }
        } catch (org.hicserve.reader.error.UnknownNameException e) {
            raw = null; // the file stores normalized expected only
        }
        return new DiagonalRows(c, nValid, null, raw, null, stored);
    }

    /**
     * The pixels of a query as {@code type} asks: observed as {@link MatrixFile#fetch} answers them, or their
     * expected / observed-over-expected given the file's {@code expected} (of the query's normalization).
     */
    public static PixelSelector fetch(MatrixFile f, PixelQuery query, MatrixType type, Expected expected) {
        if (type == MatrixType.OBSERVED) {
            return f.fetch(query);
        }
        int c1 = query.range1().chromosome().id();
        int c2 = query.range2().chromosome().id();
        double trans = c1 == c2 ? Double.NaN : trans(f, expected, c1, c2);
        return new ExpectedPixelSelector(f.fetch(query), type, expected, c1, c2, trans);
    }
}
