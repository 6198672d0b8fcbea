package org.hicserve.reader.query;

import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.QuerySpan;

/**
 * One pixel query, as hictk and cooler define it. {@code range1} is always the row side: a trans query whose
 * {@code range1} comes later in the file than {@code range2} answers the transpose of what is stored.
 *
 * @param normalization {@code NONE} or the name of a vector stored in the file
 * @param diagonalBandWidth keep only pixels with {@code |bin2_id - bin1_id| < width}; 0 keeps all
 * @param batchRows the most rows per {@link org.hicserve.reader.model.PixelBatch}
 * @param countType how raw counts are typed: null keeps the file's own type (see {@code MatrixFile#hasFloatCounts});
 *     FLOAT64 answers a .hic file's float blocks exactly, INT32 rounds float counts to the nearest integer (hictk's
 *     {@code count_type}). Normalized values are float64 whatever this says.
 */
public record PixelQuery(GenomicInterval range1, GenomicInterval range2, String normalization, QuerySpan span,
        long diagonalBandWidth, int batchRows, CountType countType) {
    public static final String NONE = "NONE";
    public static final int DEFAULT_BATCH_ROWS = 262_144;

    public PixelQuery {
        if (diagonalBandWidth < 0) {
            throw new InvalidQueryException("diagonal_band_width must be >= 0, not " + diagonalBandWidth);
        }
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
        }
        normalization = normalization == null || normalization.isEmpty() ? NONE : normalization;
        span = span == null ? QuerySpan.UPPER_TRIANGLE : span;
    }

    public PixelQuery(GenomicInterval range1, GenomicInterval range2, String normalization, QuerySpan span,
            long diagonalBandWidth, int batchRows) {
        this(range1, range2, normalization, span, diagonalBandWidth, batchRows, null);
    }

    public static PixelQuery of(GenomicInterval range1, GenomicInterval range2) {
        return new PixelQuery(range1, range2, NONE, QuerySpan.UPPER_TRIANGLE, 0, DEFAULT_BATCH_ROWS);
    }

    public static PixelQuery cis(GenomicInterval range) {
        return of(range, range);
    }

    public PixelQuery withNormalization(String name) {
        return new PixelQuery(range1, range2, name, span, diagonalBandWidth, batchRows, countType);
    }

    public PixelQuery withSpan(QuerySpan s) {
        return new PixelQuery(range1, range2, normalization, s, diagonalBandWidth, batchRows, countType);
    }

    public PixelQuery withDiagonalBandWidth(long width) {
        return new PixelQuery(range1, range2, normalization, span, width, batchRows, countType);
    }

    public PixelQuery withBatchRows(int rows) {
        return new PixelQuery(range1, range2, normalization, span, diagonalBandWidth, rows, countType);
    }

    /** Raw counts typed as asked: null keeps the file's own type. */
    public PixelQuery withCountType(CountType type) {
        return new PixelQuery(range1, range2, normalization, span, diagonalBandWidth, batchRows, type);
    }

    public boolean isNormalized() {
        return !NONE.equalsIgnoreCase(normalization);
    }

    public boolean isCis() {
        return range1.chromosome().id() == range2.chromosome().id();
    }
}
