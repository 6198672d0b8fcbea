package org.hicserve.reader.io;

import java.util.function.Function;

/**
 * Decoded storage units (.hic interaction blocks, cooler column chunks) shared by every handle that is given the
 * same cache, so that nearby windows and tiles inflate a block once. Inflating is 80-90% of a read
 * (PERFORMANCE.md). Entries are immutable once decoded: a reader decodes into fresh arrays to publish an entry and
 * never writes into an array it got from the cache, so no handle ever sees another request's buffers change.
 *
 * <p>A key is the file's identity (its location and version, {@link org.hicserve.reader.io.source.ByteSource#version()},
 * so a replaced file never answers from the old one's entries) and the unit's byte position and sizes in that file. The reader alone uses {@link #NONE}; the service gives its handles a bounded one
 * ({@code hicserve.block-cache-size}). Implementations are thread-safe.
 */
public interface DecodedBlockCache {
    /** A file as the cache knows it: where it is (a path, an object's address) and which version of its bytes. */
    record FileKey(String location, String version) {
    }

    /**
     * One storage unit of a file: where it starts in the file, its stored (compressed) size and, where the reader knows
     * it before decoding, its decoded size. The sizes make a key say exactly what was decoded: a corrupt index that
     * points two units of different sizes at one position gets two entries (and the reader's own checks), never the
     * other unit's pixels.
     */
    record Key(FileKey file, long position, long storedBytes, long decodedBytes) {
    }

    /** A decoded unit: immutable once published, and how much heap it holds. */
    interface Entry {
        /** Approximate heap bytes held (arrays and headers), which bounds the cache. */
        long bytes();
    }

    /**
     * The entry of {@code key}, decoded by {@code decode} on the caller's thread when absent. An implementation may
     * hold concurrent callers of the same key until one has decoded it; {@code decode} must not use the cache.
     * A failure of {@code decode} is thrown to the caller and nothing is cached.
     */
    <T extends Entry> T get(Key key, Function<? super Key, ? extends T> decode);

    /** Whether entries are kept at all: without, readers decode into their own reused buffers as before. */
    default boolean enabled() {
        return true;
    }

    /** No cache: every unit is decoded each time it is read. */
    DecodedBlockCache NONE = new DecodedBlockCache() {
        @Override
        public <T extends Entry> T get(Key key, Function<? super Key, ? extends T> decode) {
            return decode.apply(key);
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String toString() {
            return "DecodedBlockCache.NONE";
        }
    };
}
