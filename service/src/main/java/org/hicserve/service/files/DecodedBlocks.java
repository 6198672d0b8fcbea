package org.hicserve.service.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Cache<Key, Entry> cache;

    private DecodedBlocks(long maxBytes) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes() + 64))
                .recordStats().build();
    }

    /** A cache bounded to {@code maxBytes} of decoded data; {@link DecodedBlockCache#NONE} for 0 or less. */
    public static DecodedBlockCache of(long maxBytes) {
        return maxBytes > 0 ? new DecodedBlocks(maxBytes) : DecodedBlockCache.NONE;
    }

    /** The Caffeine cache, for its metrics. */
    public Cache<?, ?> cache() {
        return cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Entry> T get(Key key, Function<? super Key, ? extends T> decode) {
        return (T) cache.get(key, decode);
    }

    @Override
    public String toString() {
        return "DecodedBlocks[" + cache.estimatedSize() + " entries]";
    }
}
