package org.hicserve.service.files;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.hicserve.reader.io.DecodedBlockCache;

/**
 * The decoded blocks and chunks shared by every request ({@code hicserve.block-cache-size}): .hic interaction blocks
 * and cooler pixel-column chunks, immutable once decoded, keyed by the file's location and version and the unit's
 * position, and bounded in bytes (W-TinyLFU, so one whole-chromosome scan does not flush the blocks that tiles and
 * small windows keep asking for). Hits and misses are Caffeine's statistics, published as the {@code decoded-blocks}
 * cache metrics. Thread-safe: concurrent requests for one block wait for one decode.
 */
public final class DecodedBlocks implements DecodedBlockCache {
    /**
     * Futures, so that a decode runs on the caller's thread outside the map's locks: a block fetched from a slow
     * remote store (retries, backoff) never holds up requests for other blocks that happen to share a hash bin.
     */
    private final AsyncCache<Key, Entry> cache;

    private DecodedBlocks(long maxBytes) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes() + 64))
                .recordStats().buildAsync();
    }

    /** A cache bounded to {@code maxBytes} of decoded data; {@link DecodedBlockCache#NONE} for 0 or less. */
    public static DecodedBlockCache of(long maxBytes) {
        return maxBytes > 0 ? new DecodedBlocks(maxBytes) : DecodedBlockCache.NONE;
    }

    /** The Caffeine cache (its synchronous view, sharing the statistics), for its metrics. */
    public Cache<?, ?> cache() {
        return cache.synchronous();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Entry> T get(Key key, Function<? super Key, ? extends T> decode) {
        CompletableFuture<Entry> found = cache.getIfPresent(key); // counts the hit or the miss
        if (found == null) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            found = cache.asMap().putIfAbsent(key, mine);
            if (found == null) { // this caller decodes; concurrent callers of the key wait for its future
                T entry;
                try {
                    entry = decode.apply(key);
                } catch (RuntimeException | Error e) {
                    // the waiters first: an OutOfMemoryError thrown again by the map's removal must not leave them
                    // waiting forever (seen with 16 streams in a 256 MB heap)
                    mine.completeExceptionally(e);
                    cache.asMap().remove(key, mine); // nothing cached for a failure: the next caller tries again
                    throw e;
                }
                mine.complete(entry);
                return entry;
            }
        }
        try {
            return (T) found.join();
        } catch (CompletionException e) { // the decode of another caller failed: the same failure here
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "DecodedBlocks[" + cache.synchronous().estimatedSize() + " entries]";
    }
}
