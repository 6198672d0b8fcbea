package org.hicserve.reader.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.io.source.ByteSource;

/**
 * Reads one zlib-compressed block from a file and inflates it into a reused buffer. One {@link Inflater} and two byte
 * buffers per instance, grown on demand and capped: a block may not be larger than {@link #MAX_COMPRESSED} on disk or
 * {@link #MAX_INFLATED} once inflated (straw allocates 10x the compressed size; we grow as needed up to the cap instead,
 * since dense blocks full of empty cells compress better than 10:1). Not thread-safe: one per file handle.
 */
public final class BlockInflater implements AutoCloseable {
    public static final int MAX_COMPRESSED = 64 << 20;
    public static final int MAX_INFLATED = 64 << 20;

    private final Inflater inflater = new Inflater();
    private byte[] in = new byte[64 * 1024];
    private byte[] out = new byte[256 * 1024];
    private int outLength;

    /**
     * Inflates the block stored at {@code [position, position + size)}.
     *
     * @param what names the block in error messages, e.g. {@code "sample.hic: block 12 of 1_1 at BP 5000"}
     * @return the inflated length; the bytes are in {@link #buffer()} until the next call
     */
    public int inflate(ByteSource channel, long fileSize, long position, long size, String what) {
        if (position < 0 || size <= 0 || size > MAX_COMPRESSED || position > fileSize - size) {
            throw new MalformedFileException(what + ": block position " + position + " / size " + size
                    + " outside the file (size " + fileSize + ") or above " + MAX_COMPRESSED + " bytes");
        }
        int n = (int) size;
        if (in.length < n) {
            in = new byte[Math.max(n, Math.min(in.length * 2, MAX_COMPRESSED))];
        }
        readFully(channel, position, n, what);
        inflater.reset();
        inflater.setInput(in, 0, n);
        outLength = 0;
        try {
            while (true) {
                if (outLength == out.length) {
                    if (out.length >= MAX_INFLATED) {
                        throw new MalformedFileException(what + " at offset " + position + ": inflates to more than "
                                + MAX_INFLATED + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min((long) out.length * 2, MAX_INFLATED));
                }
                int r = inflater.inflate(out, outLength, out.length - outLength);
                outLength += r;
                if (inflater.finished()) {
                    return outLength;
                }
                if (r == 0 && outLength < out.length) { // needs input or a dictionary: the stream is cut short
                    throw new MalformedFileException(what + " at offset " + position
                            + ": zlib stream truncated (compressed size " + size + ")");
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedFileException(what + " at offset " + position + ": bad zlib data: " + e.getMessage(), e);
        }
    }

    public byte[] buffer() {
        return out;
    }

    public int length() {
        return outLength;
    }

    private void readFully(ByteSource channel, long position, int n, String what) {
        ByteBuffer b = ByteBuffer.wrap(in, 0, n);
        try {
            long at = position;
            while (b.hasRemaining()) {
                int r = channel.read(b, at);
                if (r < 0) {
                    throw new MalformedFileException(what + " at offset " + position + ": file ends inside the block");
                }
                at += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": I/O error reading block at offset " + position, e);
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
