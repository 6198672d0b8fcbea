package org.hicserve.reader.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file being written: a temp file next to the final name (same folder, so the final move is an atomic rename on
 * the same file system), appended to by any thread, patched in place for the header's forward pointers, and either
 * {@link #commit committed} (forced to disk, then renamed over the final name) or {@link #abort aborted} (deleted).
 * Nothing half-written ever carries the final name. Thread-safe.
 */
final class HicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private long end;
    private boolean done;

    HicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".part");
        // a temp file is private (0600); the result is an ordinary data file others read
        if (Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    Path temp() {
        return temp;
    }

    /** Appends {@code len} bytes and returns where they start. */
    synchronized long append(byte[] bytes, int len) throws IOException {
        long at = end;
        writeFully(ByteBuffer.wrap(bytes, 0, len), at);
        end += len;
        return at;
    }

    synchronized long append(LittleEndianBuffer buffer) throws IOException {
        return append(buffer.array(), buffer.size());
    }

    synchronized long position() {
        return end;
    }

    /** Overwrites 8 bytes written earlier (a placeholder) with a little-endian long. */
    synchronized void patchLong(long at, long value) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, value);
        writeFully(b, at);
    }

    private void writeFully(ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    /** Makes the file durable and gives it its final name, replacing any file there. */
    synchronized void commit() throws IOException {
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Deletes the temp file (idempotent; the final name is never touched). */
    synchronized void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name says it is a partial file
        }
    }

    @Override
    public void close() {
        abort();
    }
}
