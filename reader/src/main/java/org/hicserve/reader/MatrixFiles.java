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

    /** Parses a .cool, .mcool or .hic file's metadata, whatever its name says. */
    public static FileMetadata readMetadata(Path path) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (n >= 4 && Arrays.equals(head, 0, 4, HIC_MAGIC, 0, 4)) {
            return HicMetadata.read(path);
        }
        if (n == 8 && Arrays.equals(head, HDF5_SIGNATURE)) {
            return CoolerMetadata.read(path);
        }
        throw new MalformedFileException(path.getFileName() + ": neither a .hic file (magic HIC\\0) nor an HDF5 cooler "
                + "(signature \\x89HDF): " + (n < 8 ? "file of " + n + " bytes" : "unknown first bytes"));
    }

    /** Opens a file at a resolution (0: its only one). The caller closes the handle. */
    public static MatrixFile open(Path path, int resolution) {
        return readMetadata(path).open(resolution, null);
    }
}
