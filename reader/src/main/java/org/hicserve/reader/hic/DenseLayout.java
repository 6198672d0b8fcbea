package org.hicserve.reader.hic;

import org.hicserve.reader.io.BinaryCursor;

/** Type 2 blocks (v7+): a dense w-wide matrix of counts, empty cells marked -32768 (int16) or NaN (float32). */
final class DenseLayout {
    private static final short EMPTY_INT16 = Short.MIN_VALUE;

    private DenseLayout() {
    }

    static void decode(BinaryCursor in, BlockHeader h, InteractionBlock out) {
        long at = in.position();
        int nPts = in.int32Count("nPts", Integer.MAX_VALUE, 0);
        long wAt = in.position();
        short w = in.int16("w");
        in.count("nPts", nPts, at, Integer.MAX_VALUE, h.valueBytes());
        if (nPts > 0 && w <= 0) {
            throw in.malformed("w", w, wAt, "dense block width must be positive");
        }
        out.ensure(nPts);
        for (int i = 0; i < nPts; i++) {
            long y = (long) h.yOffset() + i / w;
            long x = (long) h.xOffset() + i % w;
            if (h.useFloat()) {
                float v = in.float32("count");
                if (!Float.isNaN(v)) {
                    out.addChecked(x, y, v);
                }
            } else {
                short v = in.int16("count");
                if (v != EMPTY_INT16) {
                    out.addChecked(x, y, v);
                }
            }
        }
    }
}
