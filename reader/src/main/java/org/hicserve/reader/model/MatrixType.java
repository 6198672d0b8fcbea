package org.hicserve.reader.model;

import java.util.Locale;
import org.hicserve.reader.error.InvalidQueryException;

/**
 * What a pixel query answers for each stored pixel (hictk's {@code --matrix-type}): the observed value (raw or
 * normalized), the expected value of its diagonal (cis) or chromosome pair (trans), or observed / expected.
 */
public enum MatrixType {
    OBSERVED,
    EXPECTED,
    OE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code observed}, {@code expected} or {@code oe} (any case); null or blank is OBSERVED. */
    public static MatrixType parse(String s) {
        if (s == null || s.isBlank()) {
            return OBSERVED;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "observed" -> OBSERVED;
            case "expected" -> EXPECTED;
            case "oe" -> OE;
            default -> throw new InvalidQueryException("matrix_type must be observed, expected or oe, not '" + s + "'");
        };
    }
}
