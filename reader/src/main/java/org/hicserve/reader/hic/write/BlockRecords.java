package org.hicserve.reader.hic.write;

import java.util.Arrays;

/**
 * The records of one block being assembled: parallel columns {@code x}, {@code y} (chromosome-relative bins) and
 * the count (float32, as .hic stores it). Reused block after block. Not thread-safe.
 */
final class BlockRecords {
    int[] x = new int[1024];
    int[] y = new int[1024];
    float[] v = new float[1024];
    int size;

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
            int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, x.length * 2L));
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
}
