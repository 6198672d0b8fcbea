package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A channel over an output stream that moves Arrow's (direct) buffers in large slices. The JDK's
 * {@code Channels.newChannel(OutputStream)} copies through an 8 KiB array, which turns one record batch into
 * thousands of small writes to the servlet stream. Never closes the stream: its owner decides when the answer
 * ends (a failed answer must not look complete).
 */
public final class OutputStreamChannel implements WritableByteChannel {
    private static final int SLICE = 256 * 1024;
    private final OutputStream out;
    private byte[] staging;
    private boolean open = true;
    private boolean discarding;

    /** From now on, drop whatever is written: used when an answer failed, so nothing can end it cleanly. */
    void discardWrites() {
        discarding = true;
    }

    public OutputStreamChannel(OutputStream out) {
        this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (discarding) {
            src.position(src.limit());
            return n;
        }
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
            return n;
        }
        if (staging == null) {
            staging = new byte[SLICE];
        }
        while (src.hasRemaining()) {
            int k = Math.min(staging.length, src.remaining());
            src.get(staging, 0, k);
            out.write(staging, 0, k);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        if (!discarding) {
            out.flush();
        }
    }
}
