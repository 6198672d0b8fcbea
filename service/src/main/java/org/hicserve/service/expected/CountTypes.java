package org.hicserve.service.expected;

import java.util.Locale;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.model.CountType;

/** The {@code count_type} parameter: {@code int} or {@code float} (hictkpy's names); null or blank keeps the file's. */
public final class CountTypes {
    private CountTypes() {
    }

    public static CountType parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "int", "int32" -> CountType.INT32;
            case "float", "float64" -> CountType.FLOAT64;
            default -> throw new InvalidQueryException("count_type must be int or float, not '" + s + "'");
        };
    }
}
