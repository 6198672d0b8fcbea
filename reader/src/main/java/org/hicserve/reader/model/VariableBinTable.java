package org.hicserve.reader.model;

import org.hicserve.reader.error.MalformedFileException;

/** Bins of any sizes, as listed by a file (cooler {@code bin-type=variable}). Immutable. */
public final class VariableBinTable implements BinTable {
    private final Reference reference;
    private final int resolution;
    private final long[] chromOffsets;
    private final long[] starts;
    private final long[] ends;

    /**
     * @param chromOffsets first bin of each chromosome plus the total, as in cooler's {@code indexes/chrom_offset}
     * @param starts bin starts, sorted within each chromosome
     * @param ends bin ends
     */
    public VariableBinTable(Reference reference, int resolution, long[] chromOffsets, long[] starts, long[] ends) {
        if (chromOffsets.length != reference.size() + 1 || starts.length != ends.length
                || chromOffsets[chromOffsets.length - 1] != starts.length) {
            throw new MalformedFileException("bin table inconsistent: " + reference.size() + " chromosomes, "
                    + starts.length + " starts, " + ends.length + " ends, last chrom offset "
                    + chromOffsets[chromOffsets.length - 1]);
        }
        for (int c = 0; c < reference.size(); c++) {
            if (chromOffsets[c] > chromOffsets[c + 1]) {
                throw new MalformedFileException("chrom_offset not sorted at chromosome " + reference.get(c).name());
            }
        }
        this.reference = reference;
        this.resolution = resolution;
        this.chromOffsets = chromOffsets.clone();
        this.starts = starts;
        this.ends = ends;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public Reference reference() {
        return reference;
    }

    @Override
    public long size() {
        return starts.length;
    }

    @Override
    public long chromOffset(int chromId) {
        return chromOffsets[chromId];
    }

    @Override
    public long binCount(int chromId) {
        return chromOffsets[chromId + 1] - chromOffsets[chromId];
    }

    @Override
    public BinRange overlapping(GenomicInterval interval) {
        int c = interval.chromosome().id();
        int lo = (int) chromOffsets[c];
        int hi = (int) chromOffsets[c + 1];
        if (interval.start() == interval.end()) {
            int b = firstEndingAfter(lo, hi, interval.start());
            return new BinRange(b, b);
        }
        int first = firstEndingAfter(lo, hi, interval.start());
        // last bin that starts before the interval's end
        int a = first;
        int b = hi;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (starts[m] < interval.end()) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return new BinRange(first, Math.max(first, a));
    }

    private int firstEndingAfter(int lo, int hi, long pos) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (ends[m] <= pos) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    @Override
    public int chromIdOf(long binId) {
        return BinTable.chromosomeOf(chromOffsets, binId);
    }

    @Override
    public long start(long binId) {
        return starts[(int) binId];
    }

    @Override
    public long end(long binId) {
        return ends[(int) binId];
    }
}
