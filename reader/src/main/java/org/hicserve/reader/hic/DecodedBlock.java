package org.hicserve.reader.hic;

import org.hicserve.reader.io.DecodedBlockCache;

/**
 * The records of one decoded interaction block: {@code size} entries of three columns, in the order the block stores
 * them. Published by a decoder or the shared cache, the arrays are fresh copies of exactly {@code size} entries and
 * nobody writes to them again; on the reading thread's own path (no cache, no decode-ahead) they are its reused
 * buffers, valid until its next block.
 */
record DecodedBlock(int[] binX, int[] binY, float[] counts, int size) implements DecodedBlockCache.Entry {
    /** Three arrays, their headers and this record. */
    @Override
    public long bytes() {
        return 12L * binX.length + 3 * 16 + 32;
    }
}
