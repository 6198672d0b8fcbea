package org.hicserve.reader.error;

import java.util.List;

/**
 * A chromosome, resolution or normalization the file does not have. The message lists what exists,
 * so that a user can correct the query without opening the file elsewhere.
 */
public class UnknownNameException extends ReaderException {
    private final String kind;
    private final String name;
    private final List<String> available;

    public UnknownNameException(String kind, String name, List<String> available) {
        super("unknown " + kind + " '" + name + "'; available: " + summarize(available));
        this.kind = kind;
        this.name = name;
        this.available = List.copyOf(available);
    }

    private static String summarize(List<String> available) {
        if (available.isEmpty()) {
            return "(none)";
        }
        if (available.size() <= 50) {
            return String.join(", ", available);
        }
        return String.join(", ", available.subList(0, 50)) + ", ... (" + available.size() + " in all)";
    }

    /** "chromosome", "resolution" or "normalization". */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> available() {
        return available;
    }
}
