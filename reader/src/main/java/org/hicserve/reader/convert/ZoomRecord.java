package org.hicserve.reader.convert;

import java.util.List;

/**
 * What one chromosome pair holds at one resolution once its blocks are written: the zoom-data header fields and the
 * block index, sorted by block number. Immutable.
 *
 * @param sumCounts as Juicer Tools counts it: an off-diagonal cis pixel counts twice (both triangles), since readers
 *        use it for the trans average only
 * @param blocks (blockNumber, position, size) triples, ascending block number
 */
record ZoomRecord(int binSize, double sumCounts, long occupiedCells, float percent5, float percent95, BlockGrid grid,
        List<BlockEntry> blocks) {

    record BlockEntry(int number, long position, int size) {
    }

    /** {@code unit, resIdx, sumCounts, occupiedCellCount, percent5, percent95, binSize, blockBinCount,
     * blockColumnCount, nBlocks, blocks}, as the reader's {@code MatrixZoom} parses it. */
    void writeTo(LittleEndianBuffer out, int resIdx) {
        out.putString("BP").putInt(resIdx).putFloat((float) sumCounts).putFloat((float) occupiedCells)
                .putFloat(percent5).putFloat(percent95).putInt(binSize).putInt(grid.blockBinCount())
                .putInt(grid.blockColumnCount()).putInt(blocks.size());
        for (BlockEntry b : blocks) {
            out.putInt(b.number()).putLong(b.position()).putInt(b.size());
        }
    }
}
