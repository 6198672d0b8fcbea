package org.hicserve.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the last 8 bytes read and how many were read, so that the end of an Arrow stream can be told from a cut:
 * Java's {@code ArrowStreamReader} takes a plain end of input at a message boundary for a normal end, but a complete
 * stream (API.md) ends with the end-of-stream marker {@code 0xFFFFFFFF 0x00000000}. One per answer; not thread-safe.
 */
final class EndMarkerInputStream extends FilterInputStream {
    private static final byte[] END_OF_STREAM = {-1, -1, -1, -1, 0, 0, 0, 0};
    private final byte[] tail = new byte[8];
    private long count;
    private boolean reachedEnd;

    EndMarkerInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            remember((byte) b);
        } else {
            reachedEnd = true;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            reachedEnd = true;
        }
        for (int i = Math.max(0, n - 8); i < n; i++) {
            remember(b[off + i]);
        }
        if (n > 8) {
            count += n - 8; // only the last 8 went through remember()
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read, not skip, so that the tail stays exact
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void remember(byte b) {
        System.arraycopy(tail, 1, tail, 0, 7);
        tail[7] = b;
        count++;
    }

    /** Bytes read so far. */
    long bytesRead() {
        return count;
    }

    /** Whether the end of the input was reached (a read returned -1). */
    boolean reachedEnd() {
        return reachedEnd;
    }

    /** Whether the last 8 bytes read were the Arrow end-of-stream marker. */
    boolean endedWithMarker() {
        return count >= 8 && java.util.Arrays.equals(tail, END_OF_STREAM);
    }
}
