package org.hicserve.reader.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a matrix's block-sorted runs block by block (smallest block number first), encodes each block and appends
 * it to the output; returns the block index. Memory: one block. Stateless.
 */
final class BlockWriter {
    private BlockWriter() {
    }

    static List<ZoomRecord.BlockEntry> write(List<SortedRun> runs, BlockEncoder encoder, HicOutput output)
            throws IOException {
        List<ZoomRecord.BlockEntry> entries = new ArrayList<>();
        BlockRecords block = new BlockRecords();
        int[] len = new int[1];
        try {
            while (true) {
                int next = -1;
                for (SortedRun r : runs) {
                    int b = r.peekBlock();
                    if (b >= 0 && (next < 0 || b < next)) {
                        next = b;
                    }
                }
                if (next < 0) {
                    return List.copyOf(entries);
                }
                block.clear();
                for (SortedRun r : runs) {
                    if (r.peekBlock() == next) {
                        r.drainBlock(block);
                    }
                }
                block.sortRowMajor();
                byte[] bytes = encoder.encode(block, len);
                long at = output.append(bytes, len[0]);
                entries.add(new ZoomRecord.BlockEntry(next, at, len[0]));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
