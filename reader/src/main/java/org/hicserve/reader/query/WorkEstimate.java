package org.hicserve.reader.query;

/**
 * What reading the cis pixels of one chromosome will cost, from the file's indexes alone (nothing inflated or
 * decoded): the ground for choosing threads or processes per request (issue #17) before any work starts. Each
 * part is -1 when the format does not say.
 *
 * @param storedBytes compressed bytes of the blocks the query reads (.hic: the sizes in the block index of the
 *        chromosome's matrix at this resolution)
 * @param pixelsAtMost pixels stored in the chromosome's rows (cooler: the span of {@code indexes/bin1_offset} over
 *        its bins, which also counts those rows' trans pixels to later chromosomes: an upper bound of its cis pixels)
 * @param blocks blocks to read (.hic), chunks being unknown to the index (cooler)
 */
public record WorkEstimate(long storedBytes, long pixelsAtMost, int blocks) {
    public static final WorkEstimate UNKNOWN = new WorkEstimate(-1, -1, -1);

    /**
     * Compressed bytes a .hic block spends per pixel, to turn {@link #storedBytes} into pixels: 1.6 to 2.6 on every
     * whole-chromosome row of the reference files and the bundled sample (0.7 on a tiny dense map storing both
     * triangles); see {@code CisEstimateReferenceTest}.
     */
    public static final double HIC_BYTES_PER_PIXEL = 2.0;

    /**
     * The pixels a cis answer of {@code bins} bins will have, as well as the index can tell: {@link #pixelsAtMost}
     * when known (cooler), else {@link #storedBytes} / {@link #HIC_BYTES_PER_PIXEL} (.hic); never more than the
     * bins' upper triangle, {@code bins (bins + 1) / 2}, which is what keeps a coarse cooler's estimate from
     * counting its rows' trans pixels. -1 when neither part is known.
     */
    public long cisPixels(long bins) {
        long estimate = pixelsAtMost >= 0 ? pixelsAtMost
                : storedBytes >= 0 ? Math.round(storedBytes / HIC_BYTES_PER_PIXEL) : -1;
        if (estimate < 0) {
            return -1;
        }
        long triangle = bins > 3_000_000_000L ? Long.MAX_VALUE : bins * (bins + 1) / 2;
        return Math.min(estimate, triangle);
    }

    /** Sums per-chromosome estimates; a part unknown in any is unknown in the sum. */
    public WorkEstimate plus(WorkEstimate o) {
        return new WorkEstimate(sum(storedBytes, o.storedBytes), sum(pixelsAtMost, o.pixelsAtMost),
                (int) sum(blocks, o.blocks));
    }

    private static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
