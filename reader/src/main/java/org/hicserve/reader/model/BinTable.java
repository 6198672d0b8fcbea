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

    /**
     * The chromosome of a bin, given each chromosome's first bin id and the total at the end (cooler's
     * {@code chrom_offset}); chromosomes without bins share an offset with the next, so the last such wins.
     */
    static int chromosomeOf(long[] offsets, long binId) {
        long total = offsets[offsets.length - 1];
        if (binId < 0 || binId >= total) {
            throw new IndexOutOfBoundsException("bin id " + binId + " outside 0.." + total);
        }
        int i = java.util.Arrays.binarySearch(offsets, binId);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < offsets.length - 1 && offsets[i + 1] == binId) {
            i++;
        }
        return i;
    }

    default BinRange binsOf(int chromId) {
        long off = chromOffset(chromId);
        return new BinRange(off, off + binCount(chromId));
    }
}
