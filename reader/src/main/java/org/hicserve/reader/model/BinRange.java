package org.hicserve.reader.model;

/** Genome-wide bin ids {@code [first, end)} selected by an interval: every bin that overlaps it. */
public record BinRange(long first, long end) {
    public BinRange {
        if (end < first) {
            throw new IllegalArgumentException("empty range reversed: " + first + ".." + end);
        }
    }

    public boolean contains(long bin) {
        return bin >= first && bin < end;
    }

    public long size() {
        return end - first;
    }

    public boolean isEmpty() {
        return end == first;
    }
}
