package org.hicserve.reader.hic;

import java.util.Optional;
import org.hicserve.reader.io.BinaryCursor;

/**
 * One resolution of one chromosome-pair matrix: the zoom-data header and its block index (parallel arrays sorted as
 * the file stores them). Immutable once read: callers must not write to the arrays.
 *
 * @param chr1Idx file index of the chromosome along X ({@code binX})
 * @param chr2Idx file index of the chromosome along Y ({@code binY})
 * @param blockBinCount bins per block side (v9 intra: along the diagonal)
 */
public record MatrixZoom(int chr1Idx, int chr2Idx, String unit, int binSize, float sumCounts, int blockBinCount,
        int blockColumnCount, int[] blockNumbers, long[] positions, int[] sizes) {
    static final int MAX_RESOLUTIONS = 10_000;
    /** unit "BP" + resIdx, 4 floats, binSize, blockBinCount, blockColumnCount, nBlocks. */
    private static final int MIN_ZOOM_HEADER_BYTES = 3 + 4 * 9;

    public int blockCount() {
        return blockNumbers.length;
    }

    /**
     * Reads the matrix record at the cursor (limited to the record's extent) and returns the zoom data of
     * {@code unit}/{@code binSize}, skipping the block indexes of the other resolutions; empty when the matrix does not
     * have that resolution.
     */
    public static Optional<MatrixZoom> read(BinaryCursor in, int expectedChr1, int expectedChr2, String unit,
            int binSize, long fileSize) {
        long at = in.position();
        int chr1 = in.int32("chr1Idx");
        int chr2 = in.int32("chr2Idx");
        if (chr1 != expectedChr1 || chr2 != expectedChr2) {
            throw in.malformed("chr1Idx/chr2Idx", chr1 + "_" + chr2, at,
                    "matrix record does not match its master-index key " + expectedChr1 + "_" + expectedChr2);
        }
        int nResolutions = in.int32Count("nResolutions", MAX_RESOLUTIONS, MIN_ZOOM_HEADER_BYTES);
        for (int r = 0; r < nResolutions; r++) {
            String u = in.cString("unit");
            in.int32("resIdx");
            float sumCounts = in.float32("sumCounts");
            in.float32("occupiedCellCount");
            in.float32("stdDev");
            in.float32("percent95");
            long binAt = in.position();
            int bs = in.int32("binSize");
            long bbcAt = in.position();
            int blockBinCount = in.int32("blockBinCount");
            long bccAt = in.position();
            int blockColumnCount = in.int32("blockColumnCount");
            int nBlocks = in.int32Count("nBlocks", Integer.MAX_VALUE, 16);
            if (!u.equals(unit) || bs != binSize) {
                in.skip(16L * nBlocks, "block index");
                continue;
            }
            if (bs <= 0) {
                throw in.malformed("binSize", bs, binAt, "must be positive");
            }
            if (blockBinCount <= 0) {
                throw in.malformed("blockBinCount", blockBinCount, bbcAt, "must be positive");
            }
            if (blockColumnCount <= 0) {
                throw in.malformed("blockColumnCount", blockColumnCount, bccAt, "must be positive");
            }
            int[] numbers = new int[nBlocks];
            long[] positions = new long[nBlocks];
            int[] sizes = new int[nBlocks];
            for (int b = 0; b < nBlocks; b++) {
                long entryAt = in.position();
                int number = in.int32("blockNumber");
                long position = in.int64("block filePosition");
                int size = in.int32("block sizeBytes");
                if (number < 0) {
                    throw in.malformed("blockNumber", number, entryAt, "negative block number");
                }
                if (position < 0 || size <= 0 || position > fileSize - size) {
                    throw in.malformed("block " + number, "position " + position + " size " + size, entryAt,
                            "outside the file (size " + fileSize + ")");
                }
                numbers[b] = number;
                positions[b] = position;
                sizes[b] = size;
            }
            return Optional.of(new MatrixZoom(chr1, chr2, u, bs, sumCounts, blockBinCount, blockColumnCount, numbers,
                    positions, sizes));
        }
        return Optional.empty();
    }
}
