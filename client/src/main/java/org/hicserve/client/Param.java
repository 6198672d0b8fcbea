package org.hicserve.client;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One query parameter of the API (API.md), declared once: its name on the wire, its value when unset, whether a
 * value is sent (a value the service assumes anyway is left out of the URL) and how it is written. Checking a value
 * is the business of the call that takes it ({@link Query}, {@link CisQuery}, {@link HicClient}), not of the
 * parameter. Immutable; compared by identity.
 *
 * @param <T> the type of the parameter's value
 */
final class Param<T> {
    static final Param<String> FILE = of("file", null, Function.identity());
    static final Param<Integer> RESOLUTION = of("resolution", 0, String::valueOf);
    static final Param<String> RANGE1 = of("range1", null, Function.identity());
    static final Param<String> RANGE2 = of("range2", null, Function.identity());
    static final Param<List<String>> CHROMOSOMES = of("chromosomes", List.of(), names -> String.join(",", names));
    /** {@code NONE} in any case is raw counts, what the service answers without the parameter. */
    static final Param<String> NORMALIZATION = new Param<>("normalization", "NONE", n -> !n.equalsIgnoreCase("NONE"),
            Function.identity());
    static final Param<Boolean> JOIN = of("join", false, String::valueOf);
    static final Param<QuerySpan> QUERY_SPAN = of("query_span", QuerySpan.UPPER_TRIANGLE, QuerySpan::apiName);
    static final Param<Long> DIAGONAL_BAND_WIDTH = of("diagonal_band_width", 0L, String::valueOf);
    static final Param<MatrixType> MATRIX_TYPE = of("matrix_type", MatrixType.OBSERVED, MatrixType::apiName);
    /** Unset: the file's own count type. */
    static final Param<CountType> COUNT_TYPE = of("count_type", null, CountType::apiName);
    /** Unset: what the {@code Accept} header asks for. */
    static final Param<String> FORMAT = of("format", null, Function.identity());

    private final String name;
    private final T unset;
    private final Predicate<T> sent;
    private final Function<T, String> write;

    private Param(String name, T unset, Predicate<T> sent, Function<T, String> write) {
        this.name = name;
        this.unset = unset;
        this.sent = sent;
        this.write = write;
    }

    /** A parameter sent whenever its value differs from {@code unset}. */
    private static <T> Param<T> of(String name, T unset, Function<T, String> write) {
        return new Param<>(name, unset, v -> v != null && !Objects.equals(v, unset), write);
    }

    /** The name on the wire, e.g. {@code diagonal_band_width}. */
    String name() {
        return name;
    }

    /** The value of a query that does not set the parameter. */
    T unset() {
        return unset;
    }

    /** Whether {@code value} goes into the URL (a value the service assumes anyway is left out). */
    boolean isSent(T value) {
        return sent.test(value);
    }

    /** The value as written in the URL, before percent-encoding. */
    String write(T value) {
        return write.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
