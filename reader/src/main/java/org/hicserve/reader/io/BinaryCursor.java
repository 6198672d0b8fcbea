package org.hicserve.reader.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.io.source.ByteSource;

/**
 * A little-endian reader over part of a file (read through positional reads on a {@link ByteSource}) or over an
 * in-memory buffer (an inflated block). Every read is checked against the cursor's limit first, and every failure is a
 * {@link MalformedFileException} naming the source, the field and its offset. Counts and lengths read from the file are
 * checked with {@link #count} before anything is allocated. Not thread-safe: one cursor per reader.
 */
public final class BinaryCursor {
    /** Longest NUL-terminated string accepted (names, keys, attribute values). */
    public static final int MAX_STRING = 64 * 1024;
    private static final int WINDOW = 64 * 1024;

    private final String source;
    private final ByteSource channel; // null: in-memory
    private final long limit;
    private ByteBuffer buf;
    private long bufStart; // absolute offset of buf[0]
    private long pos;

    private BinaryCursor(String source, ByteSource channel, ByteBuffer buf, long bufStart, long pos, long limit) {
        this.source = source;
        this.channel = channel;
        this.buf = buf;
        this.bufStart = bufStart;
        this.pos = pos;
        this.limit = limit;
    }

    /** A cursor over {@code [start, limit)} of a file; {@code limit} is normally the file size. */
    public static BinaryCursor ofChannel(ByteSource channel, String source, long start, long limit) {
        if (start < 0 || start > limit) {
            throw new MalformedFileException(source + ": offset " + start + " outside the file (size " + limit + ")");
        }
        ByteBuffer empty = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        return new BinaryCursor(source, channel, empty, start, start, limit);
    }

    /** A cursor over {@code data[0, length)}; offsets in messages are relative to {@code data[0]}. */
    public static BinaryCursor ofBytes(byte[] data, int length, String source) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new BinaryCursor(source, null, b, 0, 0, length);
    }

    public String source() {
        return source;
    }

    public long position() {
        return pos;
    }

    public long limit() {
        return limit;
    }

    public long remaining() {
        return limit - pos;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    public void seek(long position, String field) {
        if (position < 0 || position > limit) {
            throw malformed(field, position, pos, "position outside the data (size " + limit + ")");
        }
        pos = position;
    }

    public void skip(long n, String field) {
        if (n < 0 || n > limit - pos) {
            throw malformed(field, n, pos, "skips past the end of the data (" + (limit - pos) + " bytes left)");
        }
        pos += n;
    }

    public byte int8(String field) {
        int i = ensure(1, field);
        pos += 1;
        return buf.get(i);
    }

    public short int16(String field) {
        int i = ensure(2, field);
        pos += 2;
        return buf.getShort(i);
    }

    public int int32(String field) {
        int i = ensure(4, field);
        pos += 4;
        return buf.getInt(i);
    }

    public long int64(String field) {
        int i = ensure(8, field);
        pos += 8;
        return buf.getLong(i);
    }

    public float float32(String field) {
        int i = ensure(4, field);
        pos += 4;
        return buf.getFloat(i);
    }

    public double float64(String field) {
        int i = ensure(8, field);
        pos += 8;
        return buf.getDouble(i);
    }

    /** A NUL-terminated string of at most {@link #MAX_STRING} bytes (ASCII / UTF-8). */
    public String cString(String field) {
        long start = pos;
        byte[] out = new byte[64];
        int n = 0;
        while (true) {
            if (pos >= limit) {
                throw malformed(field, null, start, "string not terminated before the end of the data");
            }
            byte b = int8(field);
            if (b == 0) {
                return new String(out, 0, n, StandardCharsets.UTF_8);
            }
            if (n == MAX_STRING) {
                throw malformed(field, null, start, "string longer than " + MAX_STRING + " bytes");
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, Math.min(MAX_STRING, out.length * 2));
            }
            out[n++] = b;
        }
    }

    /**
     * Checks a count read from the file before it is used: {@code 0 <= value <= max}, and {@code value} items of at
     * least {@code minBytesEach} bytes fit in what is left of the data.
     *
     * @param offset where the count was read (for the message)
     */
    public long count(String field, long value, long offset, long max, long minBytesEach) {
        if (value < 0) {
            throw malformed(field, value, offset, "negative count");
        }
        if (value > max) {
            throw malformed(field, value, offset, "count above the limit of " + max);
        }
        if (minBytesEach > 0 && value > (limit - pos) / minBytesEach) {
            throw malformed(field, value, offset, value + " items of >= " + minBytesEach + " bytes do not fit in the "
                    + (limit - pos) + " bytes left");
        }
        return value;
    }

    /** Reads an int32 count and checks it with {@link #count}. */
    public int int32Count(String field, int max, long minBytesEach) {
        long at = pos;
        return (int) count(field, int32(field), at, max, minBytesEach);
    }

    /** Reads an int64 count and checks it with {@link #count}. */
    public long int64Count(String field, long max, long minBytesEach) {
        long at = pos;
        return count(field, int64(field), at, max, minBytesEach);
    }

    public MalformedFileException malformed(String field, Object value, long offset, String reason) {
        String v = value == null ? "" : "=" + value;
        return new MalformedFileException(source + ": " + field + v + " at offset " + offset + ": " + reason);
    }

    /** Makes {@code n} bytes at {@code pos} available; returns their index in {@code buf}. */
    private int ensure(int n, String field) {
        if (n > limit - pos) {
            throw malformed(field, null, pos, "truncated: needs " + n + " bytes, " + Math.max(0, limit - pos) + " left");
        }
        long rel = pos - bufStart;
        if (rel >= 0 && rel + n <= buf.limit()) {
            return (int) rel;
        }
        if (channel == null) {
            // cannot happen: an in-memory cursor's buffer spans its whole limit
            throw malformed(field, null, pos, "read outside the buffer");
        }
        fill(n, field);
        return 0;
    }

    private void fill(int n, String field) {
        int want = (int) Math.min(Math.max(WINDOW, n), limit - pos);
        if (buf.capacity() < want) {
            buf = ByteBuffer.allocate(Math.max(want, WINDOW)).order(ByteOrder.LITTLE_ENDIAN);
        }
        buf.clear();
        buf.limit(want);
        try {
            long at = pos;
            while (buf.hasRemaining()) {
                int r = channel.read(buf, at);
                if (r < 0) {
                    throw malformed(field, null, pos, "unexpected end of file (file shorter than its header says)");
                }
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": I/O error reading " + field + " at offset " + pos, e);
        }
        buf.flip();
        bufStart = pos;
        if (buf.limit() < n) {
            throw malformed(field, null, pos, "truncated");
        }
    }
}
