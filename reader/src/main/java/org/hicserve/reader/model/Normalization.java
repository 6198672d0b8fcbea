package org.hicserve.reader.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hicserve.reader.error.UnknownNameException;

/**
 * A balancing vector as a file stores it: its stored name and how it applies ({@code count / (w1 * w2)} when
 * divisive, as Juicer's KR/VC/SCALE; {@code count * w1 * w2} otherwise, as cooler's {@code weight}), or
 * {@link #NONE} for raw counts.
 *
 * <p>One rule resolves what a user asked for, for both formats and every query: empty or {@code none} in any
 * case is {@link #NONE}; otherwise the stored name equal to the request, else the one stored name equal to it
 * ignoring case ({@code vc} finds {@code VC}); anything else is an {@link UnknownNameException} listing the
 * names that exist. Immutable.
 */
public record Normalization(String name, boolean divisive) {
    public static final String NONE_NAME = "NONE";
    public static final Normalization NONE = new Normalization(NONE_NAME, false);

    public boolean isNone() {
        return this.equals(NONE);
    }

    /** Whether a request names no normalization (raw counts). */
    public static boolean requestsNone(String requested) {
        return requested == null || requested.isBlank() || requested.strip().equalsIgnoreCase(NONE_NAME);
    }

    /**
     * The stored name a request resolves to among {@code stored} (which may include {@code NONE}), by the rule
     * above; {@code NONE} for a request of none.
     */
    public static String resolveName(String requested, List<String> stored) {
        if (requestsNone(requested)) {
            return NONE_NAME;
        }
        String r = requested.strip();
        if (stored.contains(r)) {
            return r;
        }
        List<String> matches = new ArrayList<>();
        for (String s : stored) {
            if (s.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT))) {
                matches.add(s);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new UnknownNameException("normalization", r, stored);
    }
}
