package org.hicserve.service.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;

/**
 * A servable file found by a {@link DataSource}: its name as clients give it, its size and version when it was looked
 * up, and how to open its bytes. {@code location} says where it is (a real path, an {@code s3://} or {@code https://}
 * address without credentials) and with {@code version} keys the metadata cache, so a changed object is never served
 * from stale metadata. {@code localPath} is null for a file that is not on this machine's disk.
 */
public record FileRef(String name, String format, long sizeBytes, String location, String version, Path localPath,
        ByteSource.Opener opener) {

    /** A local file (a real path inside the data directory), versioned by size and modification time. */
    public static FileRef local(String name, Path realPath) {
        try {
            BasicFileAttributes a = Files.readAttributes(realPath, BasicFileAttributes.class);
            return new FileRef(name, DataDirectory.formatOf(realPath).orElse(""), a.size(), realPath.toString(),
                    LocalFileSource.version(a), realPath, LocalFileSource.opener(realPath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + realPath, e);
        }
    }

    /** The file's last path segment, as the readers name it in messages. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
