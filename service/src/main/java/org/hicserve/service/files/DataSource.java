package org.hicserve.service.files;

import java.util.List;
import org.hicserve.service.auth.Access;

/**
 * Where the served files are: a local folder ({@link DataDirectory}), an S3 bucket prefix or an HTTP(S) base URL
 * (package {@code org.hicserve.service.remote}). Turns a client's {@code file} parameter into a {@link FileRef},
 * refusing names that would leave the source. Implementations are thread-safe.
 */
public interface DataSource {
    /** What is served, for the log (never with credentials). */
    String describe();

    /** The servable files, sorted by name. */
    List<FileRef> files();

    /** The servable files a caller may read. */
    default List<FileRef> files(Access access) {
        return files().stream().filter(f -> access.permits(f.name())).toList();
    }

    /**
     * A file the caller may read, looked up now (so its version is current): 400 for a name that escapes the source,
     * 403 for a file outside the caller's folders, 404 for no such file.
     */
    FileRef file(String name, Access access);
}
