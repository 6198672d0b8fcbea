package org.hicserve.reader.io.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** A local file read through its own {@link FileChannel} (positional reads, as the readers always did). */
public final class LocalFileSource implements ByteSource {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private LocalFileSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens the file (one channel, as a reader handle always had: nothing more per handle). */
    public static LocalFileSource open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new LocalFileSource(path, ch, ch.size());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens a new channel on {@code path} each time. */
    public static Opener opener(Path path) {
        return () -> open(path);
    }

    /** The version a local file has: its size and modification time (what the metadata cache always keyed on). */
    public static String version(BasicFileAttributes a) {
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }

    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return String.valueOf(path.getFileName());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String location() {
        return path.toAbsolutePath().toString();
    }

    /**
     * Size and modification time, read now (the readers never ask; a stat per handle would cost for nothing). When the
     * path's size is no longer the size of the file this source opened (the file was replaced since), the version is
     * one no other source has, so nothing read here is shared under the new file's version.
     */
    @Override
    public String version() {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + path, e);
        }
        return a.size() == size ? version(a) : "replaced-since-open@" + System.identityHashCode(this) + "@" + System.nanoTime();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + path, e);
        }
    }

    @Override
    public String toString() {
        return "LocalFileSource[" + path + "]";
    }
}
