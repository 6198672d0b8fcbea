package org.hicserve.reader.hic;

import java.util.Arrays;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.Columns;

/**
 * Decodes one inflated block into a reusable set of primitive columns ({@code binX}, {@code binY}, count). Three
 * layouts: versions below 7 (a flat list of int32/int32/float32 records), and from version 7 on type 1 (list of rows)
 * or type 2 (dense, empty cells marked -32768 or NaN). Version 9 adds the int16/int32 width flags for bin offsets.
 * Every count is checked against the bytes left before the columns grow, so a corrupt block fails with a
 * {@link org.hicserve.reader.error.MalformedFileException} and never allocates more than its own size allows.
 * Not thread-safe: one instance per reader.
 */
final class InteractionBlock {
    int[] binX = new int[1024];
    int[] binY = new int[1024];
    float[] counts = new float[1024];
    int size;
    /** Records of the last block dropped because a bin was negative or past the int range (for validation). */
    int dropped;

    /**
     * Replaces the contents with the records of the block in {@code in}: the layout is read from the block's
     * header and decoded by the one decoder of that layout.
     */
    void decode(BinaryCursor in, int version) {
        size = 0;
        dropped = 0;
        if (version < 7) {
            FlatRecordsLayout.decode(in, this);
            return;
        }
        in.int32("nRecords"); // not needed: the payload carries its own counts, each checked by the decoders
        BlockHeader header = BlockHeader.read(in, version);
        long typeAt = in.position();
        byte type = in.int8("type");
        switch (type) {
            case 1 -> ListOfRowsLayout.decode(in, header, this);
            case 2 -> DenseLayout.decode(in, header, this);
            default -> throw in.malformed("type", type, typeAt, "unknown block type (expected 1 or 2)");
        }
    }

    /** Keeps records whose bins fit an int and are not negative (others cannot fall in any query). */
    void addChecked(long x, long y, float v) {
        if (x >= 0 && y >= 0 && x <= Integer.MAX_VALUE && y <= Integer.MAX_VALUE) {
            add((int) x, (int) y, v);
        } else {
            dropped++;
        }
    }

    void add(int x, int y, float v) {
        if (size == binX.length) {
            ensure(size + 1);
        }
        binX[size] = x;
        binY[size] = y;
        counts[size] = v;
        size++;
    }

    /** An immutable copy of the records decoded last (fresh arrays of exactly {@link #size} entries). */
    DecodedBlock freeze() {
        return new DecodedBlock(Arrays.copyOf(binX, size), Arrays.copyOf(binY, size), Arrays.copyOf(counts, size), size);
    }

    /** The records decoded last, over these reused columns: valid until the next {@link #decode}. */
    DecodedBlock view() {
        return new DecodedBlock(binX, binY, counts, size);
    }

    void ensure(long capacity) {
        if (capacity > binX.length) {
            int n = Columns.grownLength(binX.length, capacity);
            binX = Arrays.copyOf(binX, n);
            binY = Arrays.copyOf(binY, n);
            counts = Arrays.copyOf(counts, n);
        }
    }
}
