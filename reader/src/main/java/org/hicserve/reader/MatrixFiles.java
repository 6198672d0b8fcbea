package org.hicserve.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.hic.HicMetadata;

/** The reader's entry point: recognises a file by its first bytes and opens it with the right reader. */
public final class MatrixFiles {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] HIC_MAGIC = {'H', 'I', 'C', 0};

    private MatrixFiles() {
    }

    /** What a file's first bytes say it is: a .hic or an HDF5 (cooler) container. */
    public enum Container { HIC, HDF5 }

    /**
     * Recognises a file by its first bytes, whatever its name says (the one place formats are sniffed).
     *
     * @throws MalformedFileException for neither, saying what was found
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Container sniff(Path path) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (n >= 4 && Arrays.equals(head, 0, 4, HIC_MAGIC, 0, 4)) {
            return Container.HIC;
        }
        if (n == 8 && Arrays.equals(head, HDF5_SIGNATURE)) {
            return Container.HDF5;
        }
        throw new MalformedFileException(path.getFileName() + ": neither a .hic file (magic HIC\\0) nor an HDF5 cooler "
                + "(signature \\x89HDF): " + (n < 8 ? "file of " + n + " bytes" : "unknown first bytes"));
    }

    /** Parses a .cool, .mcool or .hic file's metadata, whatever its name says. */
    public static FileMetadata readMetadata(Path path) {
        return switch (sniff(path)) {
            case HIC -> HicMetadata.read(path);
            case HDF5 -> CoolerMetadata.read(path);
        };
    }

    /** Opens a file at a resolution (0: its only one). The caller closes the handle. */
    public static MatrixFile open(Path path, int resolution) {
        return readMetadata(path).open(resolution, null);
    }
}
