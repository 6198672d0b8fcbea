package org.hicserve.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One pixels query ({@code /api/v1/pixels}), built fluently from {@link #of(String)}. Immutable and thread-safe:
 * each method returns a changed copy.
 *
 * <pre>{@code
 * Query q = Query.of("sample.mcool").resolution(10_000).range1("chr1:0-5,000,000").range2("chr2")
 *         .normalization("weight").join(true);
 * }</pre>
 *
 * <p>Regions are UCSC-style ({@code chr1} or {@code chr1:1,000,000-2,000,000}, 0-based half-open); a region selects
 * every bin that overlaps it. {@code range2} defaults to {@code range1}; {@code range1} is always the row side.
 */
public final class Query implements HicQuery {
    private final String file;
    private final int resolution;
    private final String range1;
    private final String range2;
    private final String normalization;
    private final boolean join;
    private final QuerySpan querySpan;
    private final long diagonalBandWidth;
    private final MatrixType matrixType;
    private final CountType countType; // null: the file's own

    private Query(String file, int resolution, String range1, String range2, String normalization, boolean join,
            QuerySpan querySpan, long diagonalBandWidth, MatrixType matrixType, CountType countType) {
        this.matrixType = matrixType;
        this.countType = countType;
        this.file = file;
        this.resolution = resolution;
        this.range1 = range1;
        this.range2 = range2;
        this.normalization = normalization;
        this.join = join;
        this.querySpan = querySpan;
        this.diagonalBandWidth = diagonalBandWidth;
    }

    /** A query of a file (path relative to the service's data directory); set at least {@link #range1(String)}. */
    public static Query of(String file) {
        return new Query(requireText(file, "file"), 0, null, null, "NONE", false, QuerySpan.UPPER_TRIANGLE, 0,
                MatrixType.OBSERVED, null);
    }

    /** The bin size; unset, the service picks the only one of a single-resolution file. */
    public Query resolution(int resolution) {
        if (resolution <= 0) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        return new Query(file, resolution, range1, range2, normalization, join, querySpan, diagonalBandWidth, matrixType, countType);
    }

    /** The row region, e.g. {@code chr1} or {@code chr1:0-5,000,000}. */
    public Query range1(String range1) {
        return new Query(file, resolution, requireText(range1, "range1"), range2, normalization, join, querySpan,
                diagonalBandWidth, matrixType, countType);
    }

    /** The column region; defaults to {@code range1} (a cis query). */
    public Query range2(String range2) {
        return new Query(file, resolution, range1, requireText(range2, "range2"), normalization, join, querySpan,
                diagonalBandWidth, matrixType, countType);
    }

    /** {@code NONE} (raw counts, the default) or a normalization the file stores ({@code weight}, {@code KR}, ...). */
    public Query normalization(String normalization) {
        return new Query(file, resolution, range1, range2, requireText(normalization, "normalization").strip(), join,
                querySpan, diagonalBandWidth, matrixType, countType);
    }

    /** Genomic coordinates ({@code chrom1, start1, end1, chrom2, start2, end2}) instead of bin ids. */
    @Override
    public Query join(boolean join) {
        return new Query(file, resolution, range1, range2, normalization, join, querySpan, diagonalBandWidth, matrixType, countType);
    }

    /** Upper triangle (default) or both triangles of a cis rectangle. */
    public Query querySpan(QuerySpan querySpan) {
        return new Query(file, resolution, range1, range2, normalization, join, Objects.requireNonNull(querySpan),
                diagonalBandWidth, matrixType, countType);
    }

    /** {@code "full"} or {@code "upper_triangle"}; see {@link QuerySpan#parse(String)}. */
    public Query querySpan(String querySpan) {
        return querySpan(QuerySpan.parse(requireText(querySpan, "querySpan")));
    }

    /** Keep only pixels with {@code bin2_id - bin1_id < width}; 0 (the default) keeps all. */
    public Query diagonalBandWidth(long width) {
        if (width < 0) {
            throw new IllegalArgumentException("diagonal band width must be >= 0, not " + width);
        }
        return new Query(file, resolution, range1, range2, normalization, join, querySpan, width, matrixType, countType);
    }

    /** Observed (the default), expected, or observed / expected. */
    public Query matrixType(MatrixType type) {
        return new Query(file, resolution, range1, range2, normalization, join, querySpan, diagonalBandWidth,
                Objects.requireNonNull(type), countType);
    }

    /** Raw counts as int32 or float64; unset, the file's own type. */
    public Query countType(CountType type) {
        return new Query(file, resolution, range1, range2, normalization, join, querySpan, diagonalBandWidth,
                matrixType, Objects.requireNonNull(type));
    }

    public MatrixType matrixType() {
        return matrixType;
    }

    public Optional<CountType> countType() {
        return Optional.ofNullable(countType);
    }

    @Override
    public String file() {
        return file;
    }

    /** The bin size, if set. */
    public OptionalInt resolution() {
        return resolution == 0 ? OptionalInt.empty() : OptionalInt.of(resolution);
    }

    /** The row region, if set. */
    public Optional<String> range1() {
        return Optional.ofNullable(range1);
    }

    /** The column region, if set (otherwise the service uses {@code range1}). */
    public Optional<String> range2() {
        return Optional.ofNullable(range2);
    }

    @Override
    public String normalization() {
        return normalization;
    }

    @Override
    public boolean join() {
        return join;
    }

    /** The part of a cis rectangle asked for. */
    public QuerySpan querySpan() {
        return querySpan;
    }

    /** The diagonal band width, if set. */
    public OptionalLong diagonalBandWidth() {
        return diagonalBandWidth == 0 ? OptionalLong.empty() : OptionalLong.of(diagonalBandWidth);
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("file", file);
        if (resolution != 0) {
            p.put("resolution", Integer.toString(resolution));
        }
        if (range1 != null) {
            p.put("range1", range1);
        }
        if (range2 != null) {
            p.put("range2", range2);
        }
        if (!normalization.equalsIgnoreCase("NONE")) {
            p.put("normalization", normalization);
        }
        if (join) {
            p.put("join", "true");
        }
        if (querySpan != QuerySpan.UPPER_TRIANGLE) {
            p.put("query_span", querySpan.apiName());
        }
        if (diagonalBandWidth != 0) {
            p.put("diagonal_band_width", Long.toString(diagonalBandWidth));
        }
        if (matrixType != MatrixType.OBSERVED) {
            p.put("matrix_type", matrixType.apiName());
        }
        if (countType != null) {
            p.put("count_type", countType.apiName());
        }
        return p;
    }

    @Override
    public String toQueryString() {
        return Urls.queryString(parameters());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Query q && q.parameters().equals(parameters());
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    @Override
    public String toString() {
        return "Query[" + toQueryString() + "]";
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }
}
