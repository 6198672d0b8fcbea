package org.hicserve.service.tiles;

import java.util.List;
import java.util.Locale;
import org.hicserve.reader.query.PixelQuery;

/**
 * A tile id's transform suffix to the normalization it reads, as clodius decides: none given means the cooler
 * {@code weight} column when the resolution has one and raw counts otherwise; {@code None} means raw counts; any
 * other name must be a normalization of the file at that resolution ({@code weight}, {@code KR}, {@code VC},
 * {@code SCALE}, ...; matched ignoring case).
 */
public final class Transforms {
    private Transforms() {
    }

    /** The normalization to read, or {@link IllegalArgumentException} naming what the file has. */
    public static String normalization(String transform, List<String> available) {
        if (transform == null || transform.equalsIgnoreCase("default")) {
            return available.contains("weight") ? "weight" : PixelQuery.NONE;
        }
        if (transform.equalsIgnoreCase("none")) {
            return PixelQuery.NONE;
        }
        for (String a : available) {
            if (a.equals(transform)) {
                return a;
            }
        }
        for (String a : available) {
            if (a.toLowerCase(Locale.ROOT).equals(transform.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("transform '" + transform + "' is not a normalization of this file at this "
                + "resolution; it has " + String.join(", ", available.stream().filter(n -> !n.equals("NONE")).toList())
                + " (and None for raw counts)");
    }

    /** What tileset_info lists for a normalization: clodius calls the cooler weight column ICE. */
    public static String displayName(String normalization) {
        return normalization.equals("weight") ? "ICE" : normalization;
    }
}
