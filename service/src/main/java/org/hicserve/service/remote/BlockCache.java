package org.hicserve.service.remote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fixed-size blocks of remote objects, shared by every file and request and bounded in bytes. A block is keyed by
 * the object's location, its version and its index, so a changed object never hits an old block. Also counts what
 * the remote reads cost ({@link Stats}). Thread-safe.
 */
public final class BlockCache {
    record Key(String location, String version, long index) {
    }

    /** Requests, retries, failures and bytes fetched from remote stores (the cache's hits and misses are Caffeine's). */
    public static final class Stats {
        private final LongAdder requests = new LongAdder();
        private final LongAdder retries = new LongAdder();
        private final LongAdder failures = new LongAdder();
        private final LongAdder bytesFetched = new LongAdder();

        void requested() {
            requests.increment();
        }

        void retried() {
            retries.increment();
        }

        void failed() {
            failures.increment();
        }

        void fetched(long bytes) {
            bytesFetched.add(bytes);
        }

        /** HTTP requests sent (HEAD, GET, listings), retries included. */
        public long requests() {
            return requests.sum();
        }

        public long retries() {
            return retries.sum();
        }

        /** Reads that failed for good (answered with 502/503/504). */
        public long failures() {
            return failures.sum();
        }

        /** Bytes of object content fetched by ranged GETs. */
        public long bytesFetched() {
            return bytesFetched.sum();
        }
    }

    private final int blockSize;
    private final Cache<Key, byte[]> blocks;
    private final Stats stats = new Stats();

    public BlockCache(int blockSize, long maxBytes) {
        this.blockSize = blockSize;
        this.blocks = Caffeine.newBuilder().maximumWeight(Math.max(maxBytes, blockSize))
                .weigher((Key k, byte[] v) -> v.length).recordStats().build();
    }

    public int blockSize() {
        return blockSize;
    }

    public Stats stats() {
        return stats;
    }

    /** The Caffeine cache, for its metrics (hits, misses, evictions, weight). */
    public Cache<?, ?> cache() {
        return blocks;
    }

    byte[] get(Key key) {
        return blocks.getIfPresent(key);
    }

    void put(Key key, byte[] block) {
        blocks.put(key, block);
    }
}
