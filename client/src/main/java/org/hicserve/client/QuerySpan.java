package org.hicserve.client;

/** Which part of a cis rectangle {@link Query#querySpan(QuerySpan)} asks for (API.md {@code query_span}). */
public enum QuerySpan {
    /** What the file stores: the upper triangle, {@code bin1_id <= bin2_id} (the default). */
    UPPER_TRIANGLE("upper_triangle"),
    /** Both triangles: the stored pixels and their mirror images below the diagonal. */
    FULL("full");

    private final String apiName;

    QuerySpan(String apiName) {
        this.apiName = apiName;
    }

    /** The name on the wire: {@code upper_triangle} or {@code full}. */
    public String apiName() {
        return apiName;
    }

    /** Parses {@code full}, {@code upper_triangle} (also {@code upper}, {@code triu}), case-insensitively. */
    public static QuerySpan parse(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "full" -> FULL;
            case "upper", "upper_triangle", "upper-triangle", "triu" -> UPPER_TRIANGLE;
            default -> throw new IllegalArgumentException("query span must be 'upper_triangle' or 'full', not '" + name + "'");
        };
    }
}
