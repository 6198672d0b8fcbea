package org.hicserve.service.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.expected.ExpectedTable;
import java.util.function.Supplier;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.Problem;
import org.hicserve.reader.validate.ValidationReport;
import java.util.stream.Collectors;

/**
 * Parsed file metadata (headers, indexes, bin tables, weights), shared read-only by every request on a file.
 * Keyed by location and version (path, size and modification time; an object's address and ETag), so a replaced
 * file is parsed afresh; bounded in entries.
 * Handles are never cached: each request opens its own from the metadata. Also holds the expected tables computed
 * from cooler pixels, bounded in bytes. Thread-safe.
 */
public final class MetadataCache {
    /** A file wherever it is: its location and version (size and mtime, or an object's ETag). */
    private record RefKey(String location, String version) {
    }

    /**
     * A computed expected table: the file as the metadata is keyed (so a replaced file computes afresh), its
     * resolution, unit and normalization.
     */
    private record ExpectedKey(RefKey file, int resolution, String unit, String normalization) {
    }

    /** Default bound of the expected tables held (bytes): a human genome at 10 kb takes about 10 MB. */
    public static final long DEFAULT_EXPECTED_BYTES = 256L << 20;

    private final Cache<RefKey, FileMetadata> cache;
    private final Cache<ExpectedKey, ExpectedTable> expected;
    private final boolean validateOnOpen;

    public MetadataCache(int maxFiles) {
        this(maxFiles, false);
    }

    /**
     * @param validateOnOpen run the cheap validation when a file is first opened, in the same pass as its parse
     *     ({@link FileValidator#readChecked}), and refuse a file that fails it (422) rather than serve wrong pixels
     */
    public MetadataCache(int maxFiles, boolean validateOnOpen) {
        this(maxFiles, validateOnOpen, DEFAULT_EXPECTED_BYTES);
    }

    /** @param expectedBytes bound of the computed expected tables held, in (approximate) heap bytes */
    public MetadataCache(int maxFiles, boolean validateOnOpen, long expectedBytes) {
        this.cache = Caffeine.newBuilder().maximumSize(maxFiles).recordStats().build();
        this.validateOnOpen = validateOnOpen;
        this.expected = Caffeine.newBuilder().maximumWeight(Math.max(1, expectedBytes >> 10))
                .weigher((ExpectedKey k, ExpectedTable t) -> (int) Math.min(Integer.MAX_VALUE, t.bytes() >> 10))
                .recordStats().build();
    }

    public Cache<?, ?> expectedCache() {
        return expected;
    }

    /**
     * The expected table of a file (cooler: computed from its pixels by {@code compute} on first use, once however
     * many requests ask at the same time), kept while the bound in bytes allows; a replaced file computes afresh.
     */
    public ExpectedTable expected(FileRef file, int resolution, String unit, String normalization,
            Supplier<ExpectedTable> compute) {
        return expected.get(new ExpectedKey(keyOf(file), resolution, unit, normalization), k -> compute.get());
    }

    public Cache<?, ?> cache() {
        return cache;
    }

    /** The metadata of a file, parsed on first use; a file that fails to parse is not cached and fails again. */
    public FileMetadata get(Path realPath) {
        return get(FileRef.local(String.valueOf(realPath.getFileName()), realPath));
    }

    /**
     * The key of a file's entries: where it is and the version it had when found (a local file's real path, size
     * and mtime; a remote object's address and ETag), as the {@link FileRef} has them: no second stat.
     */
    private static RefKey keyOf(FileRef file) {
        return new RefKey(file.location(), file.version());
    }

    /**
     * The metadata of a file found by a {@link DataSource}, parsed on first use of this version of it: a changed
     * object (another ETag) or file (size, mtime) is parsed afresh, never served from stale metadata.
     */
    public FileMetadata get(FileRef file) {
        return cache.get(keyOf(file), k -> load(file.fileName(), file.localPath(), file.opener()));
    }

    /**
     * Parses a file; with {@link #validateOnOpen}, checks it in the same pass ({@link FileValidator#readChecked}:
     * the file is parsed once) and refuses it when the check finds errors.
     */
    private FileMetadata load(String name, Path path, ByteSource.Opener opener) {
        if (!validateOnOpen) {
            return MatrixFiles.readMetadata(name, path, opener);
        }
        FileValidator.Checked checked = FileValidator.readChecked(name, path, opener);
        ValidationReport report = checked.report();
        if (!report.ok()) {
            throw new MalformedFileException(name + " failed validation: " + report.errors().stream()
                    .limit(5).map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return checked.metadata();
    }
}
