package org.hicserve.reader.hic;

import org.hicserve.reader.io.BinaryCursor;

/** Blocks of versions below 7: a flat list of (int32 binX, int32 binY, float32 count) records. */
final class FlatRecordsLayout {
    private FlatRecordsLayout() {
    }

    static void decode(BinaryCursor in, InteractionBlock out) {
        int n = in.int32Count("nRecords", Integer.MAX_VALUE, 12);
        out.ensure(n);
        for (int i = 0; i < n; i++) {
            out.add(in.int32("binX"), in.int32("binY"), in.float32("count"));
        }
    }
}
