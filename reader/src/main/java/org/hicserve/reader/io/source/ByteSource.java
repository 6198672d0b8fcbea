package org.hicserve.reader.io.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of one file, read by position, like {@link java.nio.channels.FileChannel#read(ByteBuffer, long)}.
 * Implementations are thread-safe for reads. A reader handle opens its own source through an {@link Opener} and
 * closes it; a source over a remote object may share its connection pool and block cache with other sources.
 */
public interface ByteSource extends Closeable {
    /** The file's name, for messages: a file name or an object key, never credentials. */
    String name();

    /**
     * Where the bytes are, unique among all sources (a local file's absolute path, an object's full address without
     * credentials): with {@link #version()} it identifies the bytes in caches shared across files. {@link #name()}
     * is not enough: two objects of two buckets or folders can have the same name.
     */
    default String location() {
        return name();
    }

    /** The size in bytes, as known when the source was opened. */
    long size();

    /**
     * What identifies this version of the bytes: size and modification time of a local file, the ETag (or
     * Last-Modified) of a remote object. Two sources with equal name and version hold the same bytes.
     */
    String version();

    /**
     * Reads up to {@code dst.remaining()} bytes at {@code position} into {@code dst}.
     *
     * @return the number of bytes read (at least 1 when {@code dst} has room and {@code position < size()}), or -1 at
     *     or past the end
     * @throws IOException when the bytes cannot be read; {@link RemoteReadException} when a remote store failed
     */
    int read(ByteBuffer dst, long position) throws IOException;

    @Override
    void close();

    /** Opens a new source on the same file (one per reader handle); the caller closes it. */
    @FunctionalInterface
    interface Opener {
        ByteSource open() throws IOException;
    }
}
