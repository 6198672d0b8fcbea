package org.hicserve.reader.convert;

import java.util.Arrays;
import org.hicserve.reader.io.Columns;

/**
 * The records of one block being assembled: parallel columns {@code x}, {@code y} (chromosome-relative bins) and
 * the count (float32, as .hic stores it). Reused block after block. Not thread-safe.
 */
final class BlockRecords {
    int[] x = new int[1024];
    int[] y = new int[1024];
    float[] v = new float[1024];
    int size;
    private int[] sx = new int[0];
    private int[] sy = new int[0];
    private float[] sv = new float[0];
    private int[] rowStarts = new int[0];

    void clear() {
        size = 0;
    }

    void add(int bx, int by, float value) {
        if (size == x.length) {
            grow(size + 1);
        }
        x[size] = bx;
        y[size] = by;
        v[size] = value;
        size++;
    }

    void grow(int capacity) {
        if (capacity > x.length) {
            int n = Columns.grownLength(x.length, capacity);
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            v = Arrays.copyOf(v, n);
        }
    }

    /**
     * Sorts the records row-major (by y, then x), the order a list-of-rows block stores them in. A pixel listed twice
     * (a corrupt source) becomes one record with the summed count, as Juicer Tools sums repeated contacts.
     */
    void sortRowMajor() {
        if (size < 2 || countingSortByRow()) {
            return;
        }
        long[] keys = new long[size];
        boolean sorted = true;
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) y[i] << 32) | x[i];
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        if (sorted) {
            return;
        }
        // x and y fill 62 bits of the key, leaving no room for an index: sort the keys, then place each value by
        // binary search among the distinct keys
        long[] unique = keys.clone();
        Arrays.sort(unique);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || unique[n - 1] != unique[i]) {
                unique[n++] = unique[i];
            }
        }
        float[] values = new float[n];
        for (int i = 0; i < size; i++) {
            values[Arrays.binarySearch(unique, 0, n, keys[i])] += v[i];
        }
        for (int i = 0; i < n; i++) {
            y[i] = (int) (unique[i] >>> 32);
            x[i] = (int) unique[i];
            v[i] = values[i];
        }
        size = n;
    }

    /**
     * The common case in linear time: records arrive in the source's order (by x, then y), so a stable counting
     * sort by y yields (y, x) order. Returns false, leaving the records as they were, when the y range is too
     * sparse for counting or the result is not strictly increasing in x within a row (then the general sort runs).
     */
    private boolean countingSortByRow() {
        int yMin = Integer.MAX_VALUE;
        int yMax = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
        }
        long range = (long) yMax - yMin + 1;
        if (range > Math.max(1024, 4L * size)) {
            return false;
        }
        int rows = (int) range;
        if (rowStarts.length < rows + 1) {
            rowStarts = new int[rows + 1];
        } else {
            java.util.Arrays.fill(rowStarts, 0, rows + 1, 0);
        }
        for (int i = 0; i < size; i++) {
            rowStarts[y[i] - yMin + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowStarts[r + 1] += rowStarts[r];
        }
        if (sx.length < size) {
            sx = new int[x.length];
            sy = new int[x.length];
            sv = new float[x.length];
        }
        for (int i = 0; i < size; i++) {
            int at = rowStarts[y[i] - yMin]++;
            sx[at] = x[i];
            sy[at] = y[i];
            sv[at] = v[i];
        }
        for (int i = 1; i < size; i++) {
            if (sy[i] == sy[i - 1] && sx[i] <= sx[i - 1]) {
                return false;
            }
        }
        int[] tx = x;
        int[] ty = y;
        float[] tv = v;
        x = sx;
        y = sy;
        v = sv;
        sx = tx;
        sy = ty;
        sv = tv;
        return true;
    }
}
