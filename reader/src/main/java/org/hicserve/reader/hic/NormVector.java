package org.hicserve.reader.hic;

import org.hicserve.reader.io.BinaryCursor;

/**
 * Reads one normalization vector: {@code nValues} (int32 before v9, int64 in v9), then the values (float64 before v9,
 * float32 in v9, widened to double exactly as hic-straw and straw do). Only the first {@code maxBins} values are kept:
 * a vector may be one longer than the chromosome's bin count (Juicer writes floor(length/bin) + 1 values), and values
 * past the chromosome end are never used. Stateless.
 */
final class NormVector {
    private NormVector() {
    }

    /** {@code in} is a cursor limited to the vector's {@code [position, position + nBytes)}. */
    static double[] read(BinaryCursor in, int version, long maxBins) {
        int valueBytes = version >= 9 ? 4 : 8;
        long n = version >= 9 ? in.int64Count("nValues", Long.MAX_VALUE, valueBytes)
                : in.int32Count("nValues", Integer.MAX_VALUE, valueBytes);
        int keep = (int) Math.min(n, Math.min(maxBins, Integer.MAX_VALUE - 8));
        double[] values = new double[keep];
        if (version >= 9) {
            for (int i = 0; i < keep; i++) {
                values[i] = in.float32("norm value");
            }
        } else {
            for (int i = 0; i < keep; i++) {
                values[i] = in.float64("norm value");
            }
        }
        return values;
    }
}
