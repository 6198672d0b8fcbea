package org.hicserve.reader.validate;

import java.util.Objects;

/**
 * One thing wrong with a file.
 *
 * @param severity ERROR: the file is corrupt or cannot be served as it is; WARNING: odd but readable (e.g. the
 *     records past a chromosome's end that Juicer writes)
 * @param location where, e.g. {@code /resolutions/10000/indexes/bin1_offset[12]} or
 *     {@code matrix 1_1 BP 10000 block 12}
 * @param message what is wrong, in words
 */
public record Problem(Severity severity, String location, String message) {
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
    }

    public static Problem error(String location, String message) {
        return new Problem(Severity.ERROR, location, message);
    }

    public static Problem warning(String location, String message) {
        return new Problem(Severity.WARNING, location, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + location + ": " + message;
    }
}
