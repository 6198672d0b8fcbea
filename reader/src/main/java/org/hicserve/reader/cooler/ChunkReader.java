package org.hicserve.reader.cooler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.io.DecodedBlockCache;
import org.hicserve.reader.io.source.ByteSource;

/**
 * Decodes ranges of cooler columns into primitive arrays. Keeps the last decoded chunk of each column, so a
 * sequential scan inflates every chunk once. Owns one {@link Inflater} and its buffers: one per handle, never
 * shared between threads.
 */
final class ChunkReader implements AutoCloseable {
    private final ByteSource channel;
    private final String file;
    private final Inflater inflater = new Inflater();
    private final Map<ColumnLayout, DecodedChunk> lastChunk = new IdentityHashMap<>();
    private byte[] compressed = new byte[64 * 1024];
    private final java.util.concurrent.atomic.LongAdder chunksRead;

    private static final class DecodedChunk {
        int index = -1;
        byte[] bytes;
        /** {@link #bytes} is a cache entry: read it, never decode into it. */
        boolean shared;
    }

    /** A chunk's decoded bytes (filters but shuffle undone) as the shared cache holds them: never written again. */
    record CachedChunk(byte[] decoded) implements DecodedBlockCache.Entry {
        @Override
        public long bytes() {
            return decoded.length + 16 + 16;
        }
    }

    private DecodedBlockCache cache = DecodedBlockCache.NONE;
    private DecodedBlockCache.FileKey fileKey;

    ChunkReader(ByteSource channel, String file) {
        this(channel, file, new java.util.concurrent.atomic.LongAdder());
    }

    /** A reader that adds each chunk it reads from the file to {@code chunksRead} (shared by a handle's readers). */
    ChunkReader(ByteSource channel, String file, java.util.concurrent.atomic.LongAdder chunksRead) {
        this.channel = channel;
        this.file = file;
        this.chunksRead = chunksRead;
    }

    /**
     * Takes chunks from {@code cache} and publishes those it decodes there (fresh arrays, never reused), keyed by
     * {@code fileKey} and the chunk's address in the file. For the pixel columns, which queries share.
     */
    ChunkReader sharing(DecodedBlockCache cache, DecodedBlockCache.FileKey fileKey) {
        this.cache = cache;
        this.fileKey = fileKey;
        return this;
    }

    /** Elements {@code [from, from + n)} of an integer column into {@code dst[pos..]}. */
    void readLongs(ColumnLayout col, long from, int n, long[] dst, int pos) {
        requireInt(col);
        forEachSpan(col, from, n, (raw, chunkN, a, b, out) -> decodeLongs(col, raw, chunkN, a, b, dst, out), pos);
    }

    /** Elements of an integer column that fit in 32 bits. */
    void readInts(ColumnLayout col, long from, int n, int[] dst, int pos) {
        requireInt(col);
        if (col.elementSize() == 8 || (col.elementSize() == 4 && col.kind() == ColumnLayout.ElementKind.UNSIGNED_INT)) {
            long[] tmp = new long[n];
            readLongs(col, from, n, tmp, 0);
            for (int i = 0; i < n; i++) {
                if (tmp[i] != (int) tmp[i]) {
                    throw new MalformedFileException(file + ": " + col.name() + "[" + (from + i) + "] = " + tmp[i]
                            + " does not fit in 32 bits");
                }
                dst[pos + i] = (int) tmp[i];
            }
            return;
        }
        forEachSpan(col, from, n, (raw, chunkN, a, b, out) -> {
            if (col.elementSize() == 4 && col.littleEndian()) {
                if (col.shuffle()) {
                    for (int j = a; j < b; j++) {
                        dst[out++] = (raw[j] & 0xFF) | (raw[chunkN + j] & 0xFF) << 8
                                | (raw[2 * chunkN + j] & 0xFF) << 16 | (raw[3 * chunkN + j] & 0xFF) << 24;
                    }
                } else {
                    ByteBuffer.wrap(raw, a * 4, (b - a) * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(dst, out, b - a);
                }
            } else {
                for (int j = a; j < b; j++) {
                    dst[out++] = (int) element(col, raw, chunkN, j);
                }
            }
        }, pos);
    }

    /** Elements of any numeric column as doubles. */
    void readDoubles(ColumnLayout col, long from, int n, double[] dst, int pos) {
        if (!col.isFloat()) {
            long[] tmp = new long[n];
            readLongs(col, from, n, tmp, 0);
            for (int i = 0; i < n; i++) {
                dst[pos + i] = tmp[i];
            }
            return;
        }
        forEachSpan(col, from, n, (raw, chunkN, a, b, out) -> {
            if (col.elementSize() == 8) {
                if (col.shuffle() || !col.littleEndian()) {
                    for (int j = a; j < b; j++) {
                        dst[out++] = Double.longBitsToDouble(element(col, raw, chunkN, j));
                    }
                } else {
                    ByteBuffer.wrap(raw, a * 8, (b - a) * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(dst, out, b - a);
                }
            } else {
                for (int j = a; j < b; j++) {
                    dst[out++] = Float.intBitsToFloat((int) element(col, raw, chunkN, j));
                }
            }
        }, pos);
    }

    private void requireInt(ColumnLayout col) {
        if (col.isFloat()) {
            throw new MalformedFileException(file + ": " + col.name() + " holds floats where integers are expected");
        }
    }

    @FunctionalInterface
    private interface SpanDecoder {
        /** Decode elements {@code [a, b)} of a chunk of {@code chunkN} elements to output position {@code out}. */
        void decode(byte[] raw, int chunkN, int a, int b, int out);
    }

    private void forEachSpan(ColumnLayout col, long from, int n, SpanDecoder decoder, int pos) {
        if (from < 0 || n < 0 || from + n > col.length()) {
            throw new MalformedFileException(file + ": read of " + col.name() + "[" + from + ", " + (from + n)
                    + ") outside its length " + col.length() + " (index points past the data: corrupt file)");
        }
        long chunkN = col.chunkElements();
        long i = from;
        long end = from + n;
        int out = pos;
        while (i < end) {
            int k = (int) (i / chunkN);
            long chunkStart = k * chunkN;
            int a = (int) (i - chunkStart);
            int b = (int) (Math.min(end, chunkStart + chunkN) - chunkStart);
            byte[] raw = chunk(col, k);
            decoder.decode(raw, (int) chunkN, a, b, out);
            out += b - a;
            i = chunkStart + b;
        }
    }

    private void decodeLongs(ColumnLayout col, byte[] raw, int chunkN, int a, int b, long[] dst, int out) {
        if (col.elementSize() == 8 && col.littleEndian()) {
            if (col.shuffle()) {
                int n1 = chunkN, n2 = 2 * chunkN, n3 = 3 * chunkN, n4 = 4 * chunkN, n5 = 5 * chunkN, n6 = 6 * chunkN,
                        n7 = 7 * chunkN;
                for (int j = a; j < b; j++) {
                    dst[out++] = (raw[j] & 0xFFL) | (raw[n1 + j] & 0xFFL) << 8 | (raw[n2 + j] & 0xFFL) << 16
                            | (raw[n3 + j] & 0xFFL) << 24 | (raw[n4 + j] & 0xFFL) << 32 | (raw[n5 + j] & 0xFFL) << 40
                            | (raw[n6 + j] & 0xFFL) << 48 | (raw[n7 + j] & 0xFFL) << 56;
                }
            } else {
                ByteBuffer.wrap(raw, a * 8, (b - a) * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(dst, out, b - a);
            }
            return;
        }
        for (int j = a; j < b; j++) {
            dst[out++] = element(col, raw, chunkN, j);
        }
    }

    /** Element {@code j} of a decoded chunk, sign- or zero-extended to 64 bits (floats: raw bits). */
    private static long element(ColumnLayout col, byte[] raw, int chunkN, int j) {
        int size = col.elementSize();
        long v = 0;
        for (int byteIdx = 0; byteIdx < size; byteIdx++) {
            int significance = col.littleEndian() ? byteIdx : size - 1 - byteIdx;
            int at = col.shuffle() ? byteIdx * chunkN + j : j * size + byteIdx;
            v |= (raw[at] & 0xFFL) << (8 * significance);
        }
        if (col.kind() == ColumnLayout.ElementKind.SIGNED_INT && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    /**
     * The decoded bytes of chunk {@code k} (filters undone), from the last chunk of the column, else the shared cache
     * when there is one, else decoded into this reader's reused buffer.
     */
    private byte[] chunk(ColumnLayout col, int k) {
        DecodedChunk cached = lastChunk.computeIfAbsent(col, c -> new DecodedChunk());
        if (cached.index == k) {
            return cached.bytes;
        }
        cached.index = -1;
        long address = col.chunkAddresses()[k];
        if (cache.enabled() && address >= 0) {
            CachedChunk c = cache.get(new DecodedBlockCache.Key(fileKey, address, col.chunkSizes()[k], col.chunkBytes()),
                    key -> new CachedChunk(decode(col, k, new byte[col.chunkBytes()])));
            cached.bytes = c.decoded();
            cached.shared = true;
        } else {
            int chunkBytes = col.chunkBytes();
            if (cached.shared || cached.bytes == null || cached.bytes.length != chunkBytes) {
                cached.bytes = new byte[chunkBytes];
                cached.shared = false;
            }
            decode(col, k, cached.bytes);
        }
        cached.index = k;
        return cached.bytes;
    }

    /** Reads and decodes chunk {@code k} into {@code out} (of the chunk's decoded size); returns {@code out}. */
    private byte[] decode(ColumnLayout col, int k, byte[] out) {
        int chunkBytes = col.chunkBytes();
        long address = col.chunkAddresses()[k];
        int size = col.chunkSizes()[k];
        chunksRead.increment();
        if (address < 0) {
            Arrays.fill(out, (byte) 0); // never written: HDF5 fill value, 0 for cooler columns
        } else {
            boolean deflated = col.deflate() && (col.chunkFilterMasks()[k] & lastFilterBit(col)) == 0;
            if (deflated) {
                readFully(address, size);
                inflate(col, k, size, out);
            } else {
                if (size != chunkBytes && !(col.chunkCount() == 1 && size <= chunkBytes)) {
                    throw new MalformedFileException(file + ": " + col.name() + " chunk " + k + " stores " + size
                            + " bytes, expected " + chunkBytes);
                }
                readFully(address, size);
                System.arraycopy(compressed, 0, out, 0, size);
            }
        }
        return out;
    }

    private static int lastFilterBit(ColumnLayout col) {
        return 1 << (col.shuffle() ? 1 : 0);
    }

    private void readFully(long address, int size) {
        if (compressed.length < size) {
            compressed = new byte[Math.max(size, compressed.length * 2)];
        }
        ByteBuffer buf = ByteBuffer.wrap(compressed, 0, size);
        try {
            long at = address;
            while (buf.hasRemaining()) {
                int got = channel.read(buf, at);
                if (got < 0) {
                    throw new MalformedFileException(file + ": unexpected end of file at offset " + at + " (truncated)");
                }
                at += got;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": read failed at offset " + address, e);
        }
    }

    private void inflate(ColumnLayout col, int k, int size, byte[] out) {
        inflater.reset();
        inflater.setInput(compressed, 0, size);
        int total = 0;
        try {
            while (total < out.length) {
                int got = inflater.inflate(out, total, out.length - total);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += got;
            }
        } catch (DataFormatException e) {
            throw new MalformedFileException(file + ": " + col.name() + " chunk " + k + " at offset "
                    + col.chunkAddresses()[k] + " does not inflate: " + e.getMessage(), e);
        }
        if (total != out.length || !inflater.finished()) {
            throw new MalformedFileException(file + ": " + col.name() + " chunk " + k + " at offset "
                    + col.chunkAddresses()[k] + " inflates to " + total + (inflater.finished() ? "" : "+")
                    + " bytes, expected " + out.length + " (corrupt)");
        }
    }

    @Override
    public void close() {
        inflater.end();
        lastChunk.clear();
    }
}
