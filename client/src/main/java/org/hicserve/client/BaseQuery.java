package org.hicserve.client;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link Query} and {@link CisQuery} have in common, written once: the file, resolution, normalization,
 * {@code join}, matrix type and count type, their checks, and the value semantics (two queries are equal when they
 * send the same parameters). Every "setter" returns a changed copy of the concrete query {@code Q}.
 *
 * @param <Q> the concrete query
 */
abstract class BaseQuery<Q extends BaseQuery<Q>> {
    private final Params params;

    BaseQuery(Params params) {
        this.params = params;
    }

    /** A query of the same kind with these parameters. */
    abstract Q with(Params params);

    final <T> Q with(Param<T> param, T value) {
        return with(params.with(param, value));
    }

    final <T> T get(Param<T> param) {
        return params.get(param);
    }

    final Params params() {
        return params;
    }

    /** The bin size; unset, the service picks the only one of a single-resolution file. */
    public Q resolution(int resolution) {
        if (resolution <= 0) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        return with(Param.RESOLUTION, resolution);
    }

    /** {@code NONE} (raw counts, the default) or a normalization the file stores ({@code weight}, {@code KR}, ...). */
    public Q normalization(String normalization) {
        return with(Param.NORMALIZATION, requireText(normalization, "normalization").strip());
    }

    /** Genomic coordinates ({@code chrom1, start1, end1, chrom2, start2, end2}) instead of bin ids. */
    public Q join(boolean join) {
        return with(Param.JOIN, join);
    }

    /** Observed (the default), expected, or observed / expected. */
    public Q matrixType(MatrixType type) {
        return with(Param.MATRIX_TYPE, Objects.requireNonNull(type));
    }

    /** Raw counts as int32 or float64; unset, the file's own type. */
    public Q countType(CountType type) {
        return with(Param.COUNT_TYPE, Objects.requireNonNull(type));
    }

    /** The file, relative to the service's data directory. */
    public String file() {
        return get(Param.FILE);
    }

    /** The bin size, if set. */
    public OptionalInt resolution() {
        int resolution = get(Param.RESOLUTION);
        return resolution == 0 ? OptionalInt.empty() : OptionalInt.of(resolution);
    }

    /** The normalization asked for; {@code NONE} (raw counts) unless set. */
    public String normalization() {
        return get(Param.NORMALIZATION);
    }

    /** Whether the answer has genomic coordinates instead of bin ids. */
    public boolean join() {
        return get(Param.JOIN);
    }

    public MatrixType matrixType() {
        return get(Param.MATRIX_TYPE);
    }

    public Optional<CountType> countType() {
        return Optional.ofNullable(get(Param.COUNT_TYPE));
    }

    /** The query parameters as sent, e.g. {@code file=sample.mcool&resolution=5000&range1=chr1}. */
    public String toQueryString() {
        return params.queryString();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((BaseQuery<?>) o).params.equals(params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + toQueryString() + "]";
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }
}
