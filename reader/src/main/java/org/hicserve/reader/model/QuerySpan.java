package org.hicserve.reader.model;

/** Which part of a cis query rectangle to return (names as in hictk). */
public enum QuerySpan {
    /** What the file stores: the upper triangle (bin1_id <= bin2_id). */
    UPPER_TRIANGLE,
    /** Both triangles: stored pixels plus their mirror images below the diagonal. */
    FULL;

    public static QuerySpan parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "upper", "upper_triangle", "upper-triangle", "triu" -> UPPER_TRIANGLE;
            case "full" -> FULL;
            default -> throw new org.hicserve.reader.error.InvalidQueryException(
                    "query_span must be 'upper_triangle' or 'full', not '" + s + "'");
        };
    }
}
