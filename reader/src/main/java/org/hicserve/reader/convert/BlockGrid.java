package org.hicserve.reader.convert;

/**
 * How one chromosome-pair matrix at one resolution is cut into blocks, chosen as Juicer Tools' {@code pre} chooses it
 * (so files look like the ones every viewer was tuned on): about 1000 bins per block side, with wider blocks below
 * 500 bp (cis) or 5000 bp (trans) resolutions, the column count capped at sqrt(2^31). Intra-chromosomal matrices use
 * v9's rotated numbering (position along the diagonal and log2 depth away from it), inter-chromosomal ones the plain
 * grid; see {@code BlockSelector} in the reader for the same formulas read back. Immutable.
 *
 * @param blockBinCount bins per block side
 * @param blockColumnCount blocks per row of the grid (rotated: positions along the diagonal)
 */
record BlockGrid(int blockBinCount, int blockColumnCount, boolean intra) {
    static final int BLOCK_CAPACITY = 1000;
    static final int INTRA_CUTOFF = 500;
    static final int INTER_CUTOFF = 5000;
    static final int MAX_COLUMNS = (int) Math.sqrt(Integer.MAX_VALUE) - 1;
    private static final double LOG2 = Math.log(2);
    private static final double SQRT2 = Math.sqrt(2);

    static BlockGrid of(long length1, long length2, int binSize, boolean intra) {
        long len = Math.max(length1, length2);
        long nBins = len / binSize + 1;
        if (nBins > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chromosome of " + len + " bp has too many bins at " + binSize);
        }
        int cutoff = intra ? INTRA_CUTOFF : INTER_CUTOFF;
        long columns = nBins / BLOCK_CAPACITY + 1;
        if (binSize < cutoff) {
            columns = nBins * binSize / ((long) BLOCK_CAPACITY * cutoff) + 1;
        }
        int bcc = (int) Math.min(columns, MAX_COLUMNS);
        int bbc = (int) (nBins / bcc + 1);
        return new BlockGrid(bbc, bcc, intra);
    }

    /** The block holding bin {@code x} (along the first chromosome) and {@code y} (along the second). */
    int blockNumber(int x, int y) {
        if (intra) {
            int depth = (int) (Math.log(1 + Math.abs(x - y) / SQRT2 / blockBinCount) / LOG2);
            int position = (int) (((long) x + y) / 2 / blockBinCount);
            return depth * blockColumnCount + position;
        }
        return blockColumnCount * (y / blockBinCount) + x / blockBinCount;
    }
}
