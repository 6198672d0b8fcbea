package org.hicserve.reader.hic;

import org.hicserve.reader.io.BinaryCursor;

/**
 * Type 1 blocks (v7+): a list of rows, each a row number and its (column, count) records. Every count is checked
 * against the bytes left before the columns grow.
 */
final class ListOfRowsLayout {
    private ListOfRowsLayout() {
    }

    static void decode(BinaryCursor in, BlockHeader h, InteractionBlock out) {
        long at = in.position();
        int rows = (int) in.count("rowCount", h.intY() ? in.int32("rowCount") : in.int16("rowCount"), at,
                Integer.MAX_VALUE, h.yBytes() + h.xBytes());
        for (int r = 0; r < rows; r++) {
            long y = (long) h.yOffset() + (h.intY() ? in.int32("rowNumber") : in.int16("rowNumber"));
            at = in.position();
            int cols = (int) in.count("recordCount", h.intX() ? in.int32("recordCount") : in.int16("recordCount"), at,
                    Integer.MAX_VALUE, h.xBytes() + h.valueBytes());
            out.ensure(out.size + cols);
            for (int c = 0; c < cols; c++) {
                long x = (long) h.xOffset() + (h.intX() ? in.int32("binColumn") : in.int16("binColumn"));
                float v = h.useFloat() ? in.float32("count") : in.int16("count");
                out.addChecked(x, y, v);
            }
        }
    }
}
