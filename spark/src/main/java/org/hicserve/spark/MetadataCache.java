package org.hicserve.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;

/**
 * Parsed file metadata shared by the tasks of one JVM (driver or executor), so that the hundreds of partitions of a
 * file parse its header, indexes and vectors once per JVM rather than once per task. Keyed by path, size and
 * modification time (a rewritten file is parsed again); bounded, least recently used first out. Thread-safe (the
 * metadata itself is, as the reader promises).
 */
final class MetadataCache {
    private static final int CAPACITY = 64;

    private record Key(Path path, long size, long modified) {
    }

    private static final Map<Key, FileMetadata> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FileMetadata> eldest) {
            return size() > CAPACITY;
        }
    };

    private MetadataCache() {
    }

    static FileMetadata get(Path path) {
        Key key;
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            key = new Key(path, a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        synchronized (CACHE) {
            FileMetadata m = CACHE.get(key);
            if (m != null) {
                return m;
            }
        }
        FileMetadata parsed = MatrixFiles.readMetadata(path); // outside the lock: parsing may take a while
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(key, k -> parsed);
        }
    }
}
