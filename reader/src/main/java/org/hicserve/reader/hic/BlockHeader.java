package org.hicserve.reader.hic;

import org.hicserve.reader.io.BinaryCursor;

/**
 * The header of a v7+ block after its record count: the bin offsets every record is relative to, whether counts
 * are float32 (else int16), and from v9 whether bin offsets are int32 (else int16).
 */
record BlockHeader(int xOffset, int yOffset, boolean useFloat, boolean intX, boolean intY) {
    static BlockHeader read(BinaryCursor in, int version) {
        int xOffset = in.int32("binXOffset");
        int yOffset = in.int32("binYOffset");
        boolean useFloat = flag(in, "useFloat");
        boolean intX = version >= 9 && flag(in, "useIntX");
        boolean intY = version >= 9 && flag(in, "useIntY");
        return new BlockHeader(xOffset, yOffset, useFloat, intX, intY);
    }

    int valueBytes() {
        return useFloat ? 4 : 2;
    }

    int xBytes() {
        return intX ? 4 : 2;
    }

    int yBytes() {
        return intY ? 4 : 2;
    }

    private static boolean flag(BinaryCursor in, String field) {
        long at = in.position();
        byte b = in.int8(field);
        if (b != 0 && b != 1) {
            throw in.malformed(field, b, at, "flag must be 0 or 1");
        }
        return b == 1;
    }
}
