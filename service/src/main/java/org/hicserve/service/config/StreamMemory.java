package org.hicserve.service.config;

/**
 * How many pixel and cis answers fit in the heap at once. A stream holds its queued batches, the decoded units it is
 * filtering or has decoded ahead, and its output columns; the decoded-block cache and the service itself take a
 * fixed share. When {@code hicserve.max-concurrent-streams} would not fit, the service admits fewer (the others get
 * 503 with Retry-After, as when saturated) rather than run out of heap in the middle of answers: with 8 streams a
 * 256 MB heap was enough, 16 streams of a .hic ran it out. Immutable.
 *
 * @param perStream bytes one stream may hold at its peak
 * @param fixed bytes the service holds whatever it streams (its own objects and the decoded-block cache)
 */
record StreamMemory(long perStream, long fixed) {
    private static final long MB = 1 << 20;
    /** The heap a warm, idle service uses: Spring, Tomcat, metadata cache, metrics (about 50 MB measured). */
    static final long SERVICE_HEAP = 64 * MB;
    /** The largest decoded unit: a .hic block on the diagonal at 10 kb (~133 K records of 12 bytes), with slack. */
    static final long DECODED_UNIT = 2 * MB;
    /** bin1, bin2 and a count per row, each 8 bytes at most. */
    static final long BYTES_PER_ROW = 24;

    static StreamMemory of(int batchRows, int queueBatches, int decodeThreads, long blockCacheBytes) {
        long batches = (queueBatches + 1L) * batchRows * BYTES_PER_ROW; // the queue, and the batch being written
        long units = (Math.max(0, decodeThreads) + 2L) * DECODED_UNIT; // ahead, the current one, its output columns
        return new StreamMemory(batches + units, SERVICE_HEAP + blockCacheBytes);
    }

    /**
     * The streams to admit in a heap of {@code maxHeap} bytes: at most {@code configured}, at least one. A tenth of the
     * heap stays free for the collector (G1 copies into free regions, and a block of more than half a region takes
     * whole regions of its own).
     */
    int streamsWithin(long maxHeap, int configured) {
        long fit = (maxHeap - maxHeap / 10 - fixed) / perStream;
        return (int) Math.max(1, Math.min(configured, fit));
    }
}
