package org.hicserve.reader.hic;

import java.util.Arrays;
import org.hicserve.reader.io.BinaryCursor;

/**
 * Decodes one inflated block into a reusable set of primitive columns ({@code binX}, {@code binY}, count). Three
 * layouts: versions below 7 (a flat list of int32/int32/float32 records), and from version 7 on type 1 (list of rows)
 * or type 2 (dense, empty cells marked -32768 or NaN). Version 9 adds the int16/int32 width flags for bin offsets.
 * Every count is checked against the bytes left before the columns grow, so a corrupt block fails with a
 * {@link org.hicserve.reader.error.MalformedFileException} and never allocates more than its own size allows.
 * Not thread-safe: one instance per reader.
 */
final class InteractionBlock {
    private static final short EMPTY_INT16 = Short.MIN_VALUE;

    int[] binX = new int[1024];
    int[] binY = new int[1024];
    float[] counts = new float[1024];
    int size;
    /** Records of the last block dropped because a bin was negative or past the int range (for validation). */
    int dropped;

    /** Replaces the contents with the records of the block in {@code in}. */
    void decode(BinaryCursor in, int version) {
        size = 0;
        dropped = 0;
        if (version < 7) {
            int n = in.int32Count("nRecords", Integer.MAX_VALUE, 12);
            ensure(n);
            for (int i = 0; i < n; i++) {
                add(in.int32("binX"), in.int32("binY"), in.float32("count"));
            }
            return;
        }
        in.int32("nRecords"); // not needed: the payload carries its own counts, each checked below
        int xOffset = in.int32("binXOffset");
        int yOffset = in.int32("binYOffset");
        boolean useFloat = flag(in, "useFloat");
        boolean intX = version >= 9 && flag(in, "useIntX");
        boolean intY = version >= 9 && flag(in, "useIntY");
        long typeAt = in.position();
        byte type = in.int8("type");
        int valueBytes = useFloat ? 4 : 2;
        int xBytes = intX ? 4 : 2;
        int yBytes = intY ? 4 : 2;
        if (type == 1) {
            long at = in.position();
            int rows = (int) in.count("rowCount", intY ? in.int32("rowCount") : in.int16("rowCount"), at,
                    Integer.MAX_VALUE, yBytes + xBytes);
            for (int r = 0; r < rows; r++) {
                long y = (long) yOffset + (intY ? in.int32("rowNumber") : in.int16("rowNumber"));
                at = in.position();
                int cols = (int) in.count("recordCount", intX ? in.int32("recordCount") : in.int16("recordCount"), at,
                        Integer.MAX_VALUE, xBytes + valueBytes);
                ensure(size + cols);
                for (int c = 0; c < cols; c++) {
                    long x = (long) xOffset + (intX ? in.int32("binColumn") : in.int16("binColumn"));
                    float v = useFloat ? in.float32("count") : in.int16("count");
                    addChecked(x, y, v);
                }
            }
        } else if (type == 2) {
            long at = in.position();
            int nPts = in.int32Count("nPts", Integer.MAX_VALUE, 0);
            long wAt = in.position();
            short w = in.int16("w");
            in.count("nPts", nPts, at, Integer.MAX_VALUE, valueBytes);
            if (nPts > 0 && w <= 0) {
                throw in.malformed("w", w, wAt, "dense block width must be positive");
            }
            ensure(nPts);
            for (int i = 0; i < nPts; i++) {
                long y = (long) yOffset + i / w;
                long x = (long) xOffset + i % w;
                if (useFloat) {
                    float v = in.float32("count");
                    if (!Float.isNaN(v)) {
                        addChecked(x, y, v);
                    }
                } else {
                    short v = in.int16("count");
                    if (v != EMPTY_INT16) {
                        addChecked(x, y, v);
                    }
                }
            }
        } else {
            throw in.malformed("type", type, typeAt, "unknown block type (expected 1 or 2)");
        }
    }

    private static boolean flag(BinaryCursor in, String field) {
        long at = in.position();
        byte b = in.int8(field);
        if (b != 0 && b != 1) {
            throw in.malformed(field, b, at, "flag must be 0 or 1");
        }
        return b == 1;
    }

    /** Keeps records whose bins fit an int and are not negative (others cannot fall in any query). */
    private void addChecked(long x, long y, float v) {
        if (x >= 0 && y >= 0 && x <= Integer.MAX_VALUE && y <= Integer.MAX_VALUE) {
            add((int) x, (int) y, v);
        } else {
            dropped++;
        }
    }

    private void add(int x, int y, float v) {
        if (size == binX.length) {
            ensure(size + 1);
        }
        binX[size] = x;
        binY[size] = y;
        counts[size] = v;
        size++;
    }

    private void ensure(long capacity) {
        if (capacity > binX.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, binX.length * 2L));
            binX = Arrays.copyOf(binX, n);
            binY = Arrays.copyOf(binY, n);
            counts = Arrays.copyOf(counts, n);
        }
    }
}
