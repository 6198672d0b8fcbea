package org.hicserve.reader.convert;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.hicserve.reader.io.Columns;

/**
 * The pixels of one chromosome pair at one resolution not yet written: block number, x, y and count per pixel, in
 * arrival order. {@link #sortByBlock} orders them by block (arrival order within a block) so that they can be
 * written out as one sorted run ({@link #writeRun}) or walked block by block. Not thread-safe.
 */
final class PairBuffer {
    int[] block = new int[256];
    int[] x = new int[256];
    int[] y = new int[256];
    float[] v = new float[256];
    int size;
    private int[] order;

    void add(int b, int bx, int by, float value) {
        if (size == block.length) {
            int n = Columns.grownLength(block.length, size + 1L);
            block = Arrays.copyOf(block, n);
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            v = Arrays.copyOf(v, n);
        }
        block[size] = b;
        x[size] = bx;
        y[size] = by;
        v[size] = value;
        size++;
    }

    /** Orders the pixels by block number (stable): afterwards {@link #at(int)} gives the i-th pixel in that order. */
    void sortByBlock() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, block[i]);
            max = Math.max(max, block[i]);
        }
        long range = (long) max - min + 1;
        if (size > 0 && range <= Math.max(1024, 4L * size)) {
            // counting sort: linear, and stable by construction
            int[] starts = new int[(int) range + 1];
            for (int i = 0; i < size; i++) {
                starts[block[i] - min + 1]++;
            }
            for (int b = 0; b < range; b++) {
                starts[b + 1] += starts[b];
            }
            order = new int[size];
            for (int i = 0; i < size; i++) {
                order[starts[block[i] - min]++] = i;
            }
            return;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) block[i] << 32) | i;
        }
        Arrays.sort(keys);
        order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
    }

    int at(int i) {
        return order[i];
    }

    /** Writes the pixels, sorted by block, as 16-byte records (block, x, y, count). */
    void writeRun(DataOutputStream out) throws IOException {
        sortByBlock();
        for (int i = 0; i < size; i++) {
            int k = order[i];
            out.writeInt(block[k]);
            out.writeInt(x[k]);
            out.writeInt(y[k]);
            out.writeFloat(v[k]);
        }
    }

    /** Drops the pixels and gives the memory back. */
    void release() {
        block = new int[256];
        x = new int[256];
        y = new int[256];
        v = new float[256];
        size = 0;
        order = null;
    }

    long bytesHeld() {
        return block.length * 16L + (order == null ? 0 : order.length * 4L);
    }
}
