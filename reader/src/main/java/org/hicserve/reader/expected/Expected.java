package org.hicserve.reader.expected;

/**
 * The expected value of a cis pixel of a file at one resolution and normalization: what {@code oe} divides by.
 * Implementations are immutable and may be shared between threads.
 */
public interface Expected {
    /** {@code NONE} or the normalization the values are of. */
    String normalization();

    /** The expected value at distance {@code dist} (in bins, >= 0) on a chromosome; NaN where nothing is known. */
    double cis(int chromId, long dist);
}
