package org.hicserve.reader.model;

/**
 * The bins of a file at one resolution, numbered genome-wide in chromosome order (cooler's {@code bin_id}).
 * Implementations are immutable and may be shared between threads.
 */
public interface BinTable {
    /** Bin size in bp (or fragments); for variable bins the nominal resolution of the table. */
    int resolution();

    Reference reference();

    /** Number of bins over all chromosomes. */
    long size();

    /** Genome-wide id of the first bin of a chromosome. */
    long chromOffset(int chromId);

    /** Number of bins of a chromosome. */
    long binCount(int chromId);

    /** Every bin that overlaps the interval (a 0-length interval selects nothing). */
    BinRange overlapping(GenomicInterval interval);

    int chromIdOf(long binId);

    long start(long binId);

    long end(long binId);

    default BinRange binsOf(int chromId) {
        long off = chromOffset(chromId);
        return new BinRange(off, off + binCount(chromId));
    }
}
