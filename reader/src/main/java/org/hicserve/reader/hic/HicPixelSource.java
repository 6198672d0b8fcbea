package org.hicserve.reader.hic;

import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.transform.RawPixelSource;

/**
 * The raw stored pixels of one .hic query, one block per chunk: reads and inflates only the blocks that meet the query
 * rectangle, keeps the records inside it and orients them (bin1 on the range1 side), in the order the block stores
 * them. (Sorting each block took two thirds of a whole-chromosome fetch and still gave no order across blocks,
 * which tile the matrix in two dimensions.) Blocks come from {@link DecodedBlocks}: decoded here, taken from the
 * handle's shared cache, or decoded ahead on its executor. Memory is bounded by the largest block times the blocks
 * decoded ahead. Not thread-safe.
 */
final class HicPixelSource implements RawPixelSource {
    /** How stored records (binX, binY) map to query pixels (bin1, bin2). */
    enum Mode {
        /** bin1 = binX in range1, bin2 = binY in range2 (trans in file order, or cis upper triangle as stored). */
        DIRECT,
        /** trans where range1 comes later in the file: bin1 = binY in range1, bin2 = binX in range2. */
        TRANSPOSED,
        /** cis, both triangles: each stored upper record and its mirror, each kept when inside the rectangle. */
        FULL_CIS
    }

    private final HicFile file;
    private final MatrixZoom zoom; // null: the matrix or resolution is absent, no pixels
    private final int[] blocks;
    private final Mode mode;
    private final long a1, a2, b1, b2; // range1 bins [a1, a2), range2 bins [b1, b2), chromosome-relative
    private final long off1, off2;
    private final boolean floatCounts;
    private final DecodedBlocks decoded;

    private long[] out1 = new long[0];
    private long[] out2 = new long[0];
    private int[] outInt;
    private double[] outFloat;

    /**
     * The query rectangle in bins relative to each side's chromosome ({@code [first1, end1)} of range1,
     * {@code [first2, end2)} of range2), and where those chromosomes start in the genome-wide bin table. Records past
     * a chromosome's last bin fall outside and are dropped.
     */
    record RelativeBins(long first1, long end1, long first2, long end2, long offset1, long offset2) {
        static RelativeBins of(BinRange bins1, long offset1, BinRange bins2, long offset2) {
            return new RelativeBins(bins1.first() - offset1, bins1.end() - offset1, bins2.first() - offset2,
                    bins2.end() - offset2, offset1, offset2);
        }
    }

    /**
     * @param zoom the matrix at the query's resolution; null when the file has none (no pixels)
     * @param rotated whether the block grid is v9's rotated cis layout
     * @param floatCounts decode stored counts as floats instead of rounding them
     */
    HicPixelSource(HicFile file, MatrixZoom zoom, boolean rotated, Mode mode, RelativeBins bins, boolean floatCounts) {
        this.file = file;
        this.zoom = zoom;
        this.mode = mode;
        long a1 = bins.first1(), a2 = bins.end1(), b1 = bins.first2(), b2 = bins.end2();
        this.a1 = a1;
        this.a2 = a2;
        this.b1 = b1;
        this.b2 = b2;
        this.off1 = bins.offset1();
        this.off2 = bins.offset2();
        this.floatCounts = floatCounts;
        this.outInt = floatCounts ? null : new int[0];
        this.outFloat = floatCounts ? new double[0] : null;
        if (zoom == null) {
            blocks = new int[0];
        } else {
            BlockSelector.Rect direct = new BlockSelector.Rect(a1, a2, b1, b2);
            BlockSelector.Rect swapped = new BlockSelector.Rect(b1, b2, a1, a2);
            blocks = switch (mode) {
                case DIRECT -> BlockSelector.select(zoom, rotated, direct);
                case TRANSPOSED -> BlockSelector.select(zoom, rotated, swapped);
                case FULL_CIS -> BlockSelector.select(zoom, rotated, direct, swapped);
            };
        }
        this.decoded = new DecodedBlocks(file, zoom, blocks, file.blockCache(), file.fileKey(), file.decodeExecutor(),
                file.decodeDepth());
    }

    /** Number of blocks this query reads (for tests). */
    int blockCount() {
        return blocks.length;
    }

    @Override
    public PixelBatch nextChunk() {
        for (DecodedBlock block; (block = decoded.next()) != null; ) {
            int n = collect(block);
            if (n > 0) {
                return new PixelBatch(out1, out2, outInt, outFloat, n);
            }
        }
        return null;
    }

    /**
     * Writes the records inside the query straight into the output columns (genome-wide bin ids, counts); returns how
     * many. One pass and no intermediate arrays: a whole-chromosome stream holds only these columns and the blocks.
     */
    private int collect(DecodedBlock records) {
        int size = records.size();
        ensureCapacity(mode == Mode.FULL_CIS ? 2 * size : size);
        int[] xs = records.binX();
        int[] ys = records.binY();
        float[] vs = records.counts();
        int n = 0;
        for (int i = 0; i < size; i++) {
            long x = xs[i];
            long y = ys[i];
            float v = vs[i];
            if (!Float.isFinite(v)) {
                continue;
            }
            switch (mode) {
                case DIRECT -> {
                    if (x >= a1 && x < a2 && y >= b1 && y < b2) {
                        put(n++, x, y, v);
                    }
                }
                case TRANSPOSED -> {
                    if (y >= a1 && y < a2 && x >= b1 && x < b2) {
                        put(n++, y, x, v);
                    }
                }
                case FULL_CIS -> {
                    if (x > y) {
                        continue; // stored below the diagonal: its mirror is the stored upper record
                    }
                    if (x >= a1 && x < a2 && y >= b1 && y < b2) {
                        put(n++, x, y, v);
                    }
                    if (x != y && y >= a1 && y < a2 && x >= b1 && x < b2) {
                        put(n++, y, x, v);
                    }
                }
            }
        }
        return n;
    }

    private void put(int i, long rel1, long rel2, float v) {
        out1[i] = off1 + rel1;
        out2[i] = off2 + rel2;
        if (floatCounts) {
            outFloat[i] = v;
        } else {
            outInt[i] = toInt(v);
        }
    }

    private void ensureCapacity(int cap) {
        if (out1.length >= cap) {
            return;
        }
        int c = Math.max(cap, out1.length * 2);
        out1 = new long[c];
        out2 = new long[c];
        if (floatCounts) {
            outFloat = new double[c];
        } else {
            outInt = new int[c];
        }
    }

    private static int toInt(float v) {
        return (int) Math.rint(v); // saturates at the int range; stored counts are integral in Juicer files
    }


    @Override
    public void close() {
        decoded.close();
    }
}
