package org.hicserve.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.hic.HicMetadata;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;

/** The reader's entry point: recognises a file by its first bytes and opens it with the right reader. */
public final class MatrixFiles {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] HIC_MAGIC = {'H', 'I', 'C', 0};

    private MatrixFiles() {
    }

    /** What a file's first bytes say it is: a .hic or an HDF5 (cooler) container. */
    public enum Container { HIC, HDF5 }

    /** As {@link #sniff(String, ByteSource.Opener)} for a local file. */
    public static Container sniff(Path path) {
        return sniff(String.valueOf(path.getFileName()), LocalFileSource.opener(path));
    }

    /**
     * Recognises a file by its first bytes, whatever its name says (the one place formats are sniffed).
     *
     * @throws MalformedFileException for neither, saying what was found
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Container sniff(String name, ByteSource.Opener opener) {
        byte[] head = new byte[8];
        int n;
        try (ByteSource source = opener.open()) {
            n = head(source, head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (n >= 4 && Arrays.equals(head, 0, 4, HIC_MAGIC, 0, 4)) {
            return Container.HIC;
        }
        if (n == 8 && Arrays.equals(head, HDF5_SIGNATURE)) {
            return Container.HDF5;
        }
        throw new MalformedFileException(name + ": neither a .hic file (magic HIC\\0) nor an HDF5 cooler "
                + "(signature \\x89HDF): " + (n < 8 ? "file of " + n + " bytes" : "unknown first bytes"));
    }

    /** Parses a .cool, .mcool or .hic file's metadata, whatever its name says. */
    public static FileMetadata readMetadata(Path path) {
        return readMetadata(String.valueOf(path.getFileName()), path, LocalFileSource.opener(path));
    }

    /**
     * As {@link #readMetadata(Path)} for a file wherever its bytes are: handles open their sources through
     * {@code opener}.
     *
     * @param path the local file, or null for a file elsewhere (an object store, an HTTP server)
     */
    public static FileMetadata readMetadata(String name, Path path, ByteSource.Opener opener) {
        return switch (sniff(name, opener)) {
            case HIC -> HicMetadata.read(name, path, opener);
            case HDF5 -> CoolerMetadata.read(name, path, opener, null);
        };
    }

    /** Reads up to {@code head.length} first bytes; returns how many the file has. */
    public static int head(ByteSource source, byte[] head) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(head);
        while (b.hasRemaining()) {
            if (source.read(b, b.position()) < 0) {
                break;
            }
        }
        return b.position();
    }

    /** Opens a file at a resolution (0: its only one). The caller closes the handle. */
    public static MatrixFile open(Path path, int resolution) {
        return readMetadata(path).open(resolution, null);
    }
}
