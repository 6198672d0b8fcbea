package org.hicserve.reader.model;


/** Bins of a fixed size; the last bin of a chromosome is cut at its end. Immutable. */
public final class FixedBinTable implements BinTable {
    private final Reference reference;
    private final int resolution;
    private final long[] offsets; // offsets[c] = first bin of chromosome c; offsets[n] = total

    public FixedBinTable(Reference reference, int resolution) {
        if (resolution <= 0) {
            throw new IllegalArgumentException("resolution must be positive: " + resolution);
        }
        this.reference = reference;
        this.resolution = resolution;
        this.offsets = new long[reference.size() + 1];
        for (int c = 0; c < reference.size(); c++) {
            long len = reference.get(c).length();
            offsets[c + 1] = offsets[c] + (len + resolution - 1) / resolution;
        }
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
        return offsets[offsets.length - 1];
    }

    @Override
    public long chromOffset(int chromId) {
        return offsets[chromId];
    }

    @Override
    public long binCount(int chromId) {
        return offsets[chromId + 1] - offsets[chromId];
    }

    @Override
    public BinRange overlapping(GenomicInterval interval) {
        long off = offsets[interval.chromosome().id()];
        if (interval.end() == interval.start()) {
            long b = off + interval.start() / resolution;
            return new BinRange(b, b);
        }
        return new BinRange(off + interval.start() / resolution, off + (interval.end() + resolution - 1) / resolution);
    }

    @Override
    public int chromIdOf(long binId) {
        return BinTable.chromosomeOf(offsets, binId);
    }

    @Override
    public long start(long binId) {
        int c = chromIdOf(binId);
        return (binId - offsets[c]) * resolution;
    }

    @Override
    public long end(long binId) {
        int c = chromIdOf(binId);
        return Math.min((binId - offsets[c] + 1) * resolution, reference.get(c).length());
    }
}
