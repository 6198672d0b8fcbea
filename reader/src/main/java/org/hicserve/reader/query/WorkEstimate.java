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

    /** Sums per-chromosome estimates; a part unknown in any is unknown in the sum. */
    public WorkEstimate plus(WorkEstimate o) {
        return new WorkEstimate(sum(storedBytes, o.storedBytes), sum(pixelsAtMost, o.pixelsAtMost),
                (int) sum(blocks, o.blocks));
    }

    private static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
