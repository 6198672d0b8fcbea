package org.hicserve.service.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.Problem;
import org.hicserve.reader.validate.ValidationReport;
import java.util.stream.Collectors;

/**
 * Parsed file metadata (headers, indexes, bin tables, weights), shared read-only by every request on a file.
 * Keyed by path, size and modification time, so a replaced file is parsed afresh; bounded in entries.
 * Handles are never cached: each request opens its own from the metadata. Thread-safe.
 */
public final class MetadataCache {
    private record Key(Path path, long size, long modifiedMillis) {
    }

    private final Cache<Key, FileMetadata> cache;
    private final boolean validateOnOpen;

    public MetadataCache(int maxFiles) {
        this(maxFiles, false);
    }

    /**
     * @param validateOnOpen run the cheap validation ({@link FileValidator#quickCheck}) when a file is first
     *     opened, and refuse a file that fails it (422) rather than serve wrong pixels from it
     */
    public MetadataCache(int maxFiles, boolean validateOnOpen) {
        this.cache = Caffeine.newBuilder().maximumSize(maxFiles).recordStats().build();
        this.validateOnOpen = validateOnOpen;
    }

    public Cache<?, ?> cache() {
        return cache;
    }

    /** The metadata of a file, parsed on first use; a file that fails to parse is not cached and fails again. */
    public FileMetadata get(Path realPath) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(realPath, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + realPath, e);
        }
        Key key = new Key(realPath, attrs.size(), attrs.lastModifiedTime().toMillis());
        return cache.get(key, k -> load(k.path()));
    }

    private FileMetadata load(Path path) {
        FileMetadata metadata = MatrixFiles.readMetadata(path);
        if (validateOnOpen) {
            ValidationReport report = FileValidator.quickCheck(metadata);
            if (!report.ok()) {
                throw new MalformedFileException(path.getFileName() + " failed validation: " + report.errors().stream()
                        .limit(5).map(Problem::toString).collect(Collectors.joining("; ")));
            }
        }
        return metadata;
    }
}
