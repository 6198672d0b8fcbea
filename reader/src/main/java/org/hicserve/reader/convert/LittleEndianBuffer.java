package org.hicserve.reader.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for the .hic structures (all of them little-endian). Not thread-safe. */
final class LittleEndianBuffer {
    private byte[] bytes;
    private ByteBuffer view;

    LittleEndianBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
        view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    int size() {
        return view.position();
    }

    void clear() {
        view.clear();
    }

    byte[] array() {
        return bytes;
    }

    /** The written bytes as a buffer ready to be written out (shares the array). */
    ByteBuffer flip() {
        return ByteBuffer.wrap(bytes, 0, view.position());
    }

    private void ensure(int more) {
        if (view.remaining() < more) {
            long want = Math.max((long) bytes.length * 2, (long) view.position() + more);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("structure larger than 2 GiB");
            }
            int pos = view.position();
            bytes = Arrays.copyOf(bytes, (int) want);
            view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            view.position(pos);
        }
    }

    LittleEndianBuffer putByte(int b) {
        ensure(1);
        view.put((byte) b);
        return this;
    }

    LittleEndianBuffer putShort(int v) {
        ensure(2);
        view.putShort((short) v);
        return this;
    }

    LittleEndianBuffer putInt(int v) {
        ensure(4);
        view.putInt(v);
        return this;
    }

    LittleEndianBuffer putLong(long v) {
        ensure(8);
        view.putLong(v);
        return this;
    }

    LittleEndianBuffer putFloat(float v) {
        ensure(4);
        view.putFloat(v);
        return this;
    }

    /** A NUL-terminated ASCII string, as .hic stores every string. */
    LittleEndianBuffer putString(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        for (byte c : b) {
            if (c == 0) {
                throw new IllegalArgumentException("NUL inside a .hic string: " + s);
            }
        }
        ensure(b.length + 1);
        view.put(b);
        view.put((byte) 0);
        return this;
    }

    /** Overwrites 8 bytes at {@code at} (a placeholder written earlier). */
    void patchLong(int at, long v) {
        view.putLong(at, v);
    }

    static int stringBytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII).length + 1;
    }
}
