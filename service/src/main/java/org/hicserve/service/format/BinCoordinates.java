package org.hicserve.service.format;

import org.hicserve.reader.model.BinTable;

/**
 * Bin id to (chromosome, start, end), remembering the last chromosome so that the sorted ids of a batch cost a
 * comparison each instead of a search. Not thread-safe.
 */
final class BinCoordinates {
    private final BinTable bins;
    private int chrom = -1;
    private long first;
    private long end;

    BinCoordinates(BinTable bins) {
        this.bins = bins;
    }

    /** Positions the lookup on the bin's chromosome and returns its id. */
    int chromOf(long bin) {
        if (chrom < 0 || bin < first || bin >= end) {
            chrom = bins.chromIdOf(bin);
            first = bins.chromOffset(chrom);
            end = first + bins.binCount(chrom);
        }
        return chrom;
    }

    long start(long bin) {
        return bins.start(bin);
    }

    long end(long bin) {
        return bins.end(bin);
    }
}
