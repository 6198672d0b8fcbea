package org.hicserve.reader.io;

/**
 * How the reusable primitive columns of the readers and the writer grow (parallel arrays such as {@code binX},
 * {@code binY} and counts, filled record by record and reused block after block). Stateless.
 */
public final class Columns {
    /** The longest array every JVM allocates. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Columns() {
    }

    /**
     * The new length for columns of {@code length} elements that must hold {@code needed}: at least twice as long
     * (appending one record at a time costs amortized constant time), at least {@code needed}, never past
     * {@link #MAX_LENGTH}.
     */
    public static int grownLength(int length, long needed) {
        return (int) Math.min(MAX_LENGTH, Math.max(needed, length * 2L));
    }
}
