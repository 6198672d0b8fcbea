package org.hicserve.client;

import java.util.Objects;
import java.util.Optional;
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
public final class Query extends BaseQuery<Query> implements HicQuery {
    /** The parameters of {@code /api/v1/pixels}, in the order they are sent. */
    private static final Params PARAMETERS = Params.of(Param.FILE, Param.RESOLUTION, Param.RANGE1, Param.RANGE2,
            Param.NORMALIZATION, Param.JOIN, Param.QUERY_SPAN, Param.DIAGONAL_BAND_WIDTH, Param.MATRIX_TYPE,
            Param.COUNT_TYPE, Param.FORMAT);

    private Query(Params params) {
        super(params);
    }

    /** A query of a file (path relative to the service's data directory); set at least {@link #range1(String)}. */
    public static Query of(String file) {
        return new Query(PARAMETERS.with(Param.FILE, requireText(file, "file")));
    }

    @Override
    Query with(Params params) {
        return new Query(params);
    }

    /** The row region, e.g. {@code chr1} or {@code chr1:0-5,000,000}. */
    public Query range1(String range1) {
        return with(Param.RANGE1, requireText(range1, "range1"));
    }

    /** The column region; defaults to {@code range1} (a cis query). */
    public Query range2(String range2) {
        return with(Param.RANGE2, requireText(range2, "range2"));
    }

    /** Upper triangle (default) or both triangles of a cis rectangle. */
    public Query querySpan(QuerySpan querySpan) {
        return with(Param.QUERY_SPAN, Objects.requireNonNull(querySpan));
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
        return with(Param.DIAGONAL_BAND_WIDTH, width);
    }

    /** The row region, if set. */
    public Optional<String> range1() {
        return Optional.ofNullable(get(Param.RANGE1));
    }

    /** The column region, if set (otherwise the service uses {@code range1}). */
    public Optional<String> range2() {
        return Optional.ofNullable(get(Param.RANGE2));
    }

    /** The part of a cis rectangle asked for. */
    public QuerySpan querySpan() {
        return get(Param.QUERY_SPAN);
    }

    /** The diagonal band width, if set. */
    public OptionalLong diagonalBandWidth() {
        long width = get(Param.DIAGONAL_BAND_WIDTH);
        return width == 0 ? OptionalLong.empty() : OptionalLong.of(width);
    }
}
