package org.hicserve.reader.model;

/**
 * A column-oriented batch of pixels: {@code size} rows of (bin1_id, bin2_id, count).
 * Exactly one of {@code intCounts} (raw integer counts) and {@code floatCounts} (float files, normalized values)
 * is non-null. Arrays may be longer than {@code size}; rows past it are garbage.
 * A batch belongs to whoever received it; the producer never touches it again.
 */
public record PixelBatch(long[] bin1, long[] bin2, int[] intCounts, double[] floatCounts, int size) {
    public PixelBatch {
        if ((intCounts == null) == (floatCounts == null)) {
            throw new IllegalArgumentException("exactly one of intCounts and floatCounts must be set");
        }
        if (size < 0 || size > bin1.length || size > bin2.length
                || size > (intCounts != null ? intCounts.length : floatCounts.length)) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays");
        }
    }

    public static PixelBatch ofInts(int capacity) {
        return new PixelBatch(new long[capacity], new long[capacity], new int[capacity], null, 0);
    }

    public static PixelBatch ofFloats(int capacity) {
        return new PixelBatch(new long[capacity], new long[capacity], null, new double[capacity], 0);
    }

    public boolean isFloat() {
        return floatCounts != null;
    }

    public CountType countType() {
        return isFloat() ? CountType.FLOAT64 : CountType.INT32;
    }

    public PixelBatch withSize(int newSize) {
        return new PixelBatch(bin1, bin2, intCounts, floatCounts, newSize);
    }

    /** The count of row {@code i} as a double, whatever its storage type. */
    public double count(int i) {
        return floatCounts != null ? floatCounts[i] : intCounts[i];
    }
}
