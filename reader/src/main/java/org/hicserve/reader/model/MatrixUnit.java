package org.hicserve.reader.model;

/** Units of a .hic resolution: base pairs, or restriction fragments. Cooler files are always BP. */
public enum MatrixUnit {
    BP,
    FRAG;

    public static MatrixUnit parse(String s) {
        try {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.hicserve.reader.error.InvalidQueryException("unit must be BP or FRAG, not '" + s + "'");
        }
    }
}
