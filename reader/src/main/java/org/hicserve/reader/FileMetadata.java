package org.hicserve.reader;

import java.nio.file.Path;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.MatrixUnit;

/**
 * The parsed, immutable part of a matrix file (headers, indexes, chromosome and bin tables; weights once
 * loaded). Thread-safe: one instance may be cached and shared by every request on the file, each of which opens
 * its own {@link MatrixFile} handle from it.
 */
public interface FileMetadata {
    /** The local file, or null for a file read from elsewhere (an object store, an HTTP server). */
    Path path();

    /** The file's name, for messages (a local file's name, an object's key). */
    String name();

    FileFormat format();

    /** The resolutions of the default unit (BP, or FRAG for a file without BP resolutions), ascending. */
    java.util.List<Integer> resolutions();

    /**
     * A new handle at a resolution ({@code <= 0}: the file's only resolution) in a unit ({@code null}: BP when the
     * file has BP resolutions). The caller closes it.
     */
    MatrixFile open(int resolution, MatrixUnit unit);
}
