package org.hicserve.reader.convert;

import java.util.zip.Deflater;

/**
 * Encodes one block as .hic v9 stores it and zlib-compresses it: {@code nRecords, binXOffset, binYOffset, useFloat,
 * useIntX, useIntY, type}, then a list of rows (type 1, the layout Juicer Tools 3 writes for v9): the row count, and
 * per row its number and record count, then per record the column and the value. Offsets are relative to the
 * block's smallest x and y; widths are int16 unless a block is 32767 bins or more wide; values are int16 when every
 * count of the block is an integer below 32767, float32 otherwise (the format has nothing wider). Not thread-safe:
 * one encoder (and its deflater) per worker.
 */
final class BlockEncoder implements AutoCloseable {
    private final Deflater deflater;
    private final LittleEndianBuffer raw = new LittleEndianBuffer(64 * 1024);
    private byte[] compressed = new byte[64 * 1024];

    BlockEncoder(int level) {
        this.deflater = new Deflater(level);
    }

    /** The compressed block; valid until the next call. {@code records} must be sorted row-major. */
    byte[] encode(BlockRecords records, int[] lengthOut) {
        int n = records.size;
        int[] xs = records.x;
        int[] ys = records.y;
        float[] vs = records.v;
        int xOff = Integer.MAX_VALUE;
        int yOff = Integer.MAX_VALUE;
        int xMax = Integer.MIN_VALUE;
        int yMax = Integer.MIN_VALUE;
        boolean shortValues = true;
        for (int i = 0; i < n; i++) {
            xOff = Math.min(xOff, xs[i]);
            xMax = Math.max(xMax, xs[i]);
            yOff = Math.min(yOff, ys[i]);
            yMax = Math.max(yMax, ys[i]);
            float v = vs[i];
            shortValues &= v == Math.rint(v) && v < Short.MAX_VALUE && v > Short.MIN_VALUE;
        }
        boolean intX = (long) xMax - xOff + 1 >= Short.MAX_VALUE;
        boolean intY = (long) yMax - yOff + 1 >= Short.MAX_VALUE;
        raw.clear();
        raw.putInt(n).putInt(xOff).putInt(yOff);
        raw.putByte(shortValues ? 0 : 1).putByte(intX ? 1 : 0).putByte(intY ? 1 : 0).putByte(1);
        int rows = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || ys[i] != ys[i - 1]) {
                rows++;
            }
        }
        putWidth(rows, intY);
        int i = 0;
        while (i < n) {
            int row = ys[i];
            int end = i;
            while (end < n && ys[end] == row) {
                end++;
            }
            putWidth(row - yOff, intY);
            putWidth(end - i, intX);
            for (int k = i; k < end; k++) {
                putWidth(xs[k] - xOff, intX);
                if (shortValues) {
                    raw.putShort((short) vs[k]);
                } else {
                    raw.putFloat(vs[k]);
                }
            }
            i = end;
        }
        return deflate(lengthOut);
    }

    private void putWidth(int value, boolean wide) {
        if (wide) {
            raw.putInt(value);
        } else {
            raw.putShort(value);
        }
    }

    private byte[] deflate(int[] lengthOut) {
        deflater.reset();
        deflater.setInput(raw.array(), 0, raw.size());
        deflater.finish();
        int len = 0;
        while (!deflater.finished()) {
            if (len == compressed.length) {
                compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
            }
            len += deflater.deflate(compressed, len, compressed.length - len);
        }
        lengthOut[0] = len;
        return compressed;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
