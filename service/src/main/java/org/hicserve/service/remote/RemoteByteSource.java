package org.hicserve.service.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.hicserve.reader.io.source.ByteSource;

/**
 * One version of a remote object as a {@link ByteSource}. A read is rounded out to whole blocks of the shared
 * {@link BlockCache}; each run of consecutive missing blocks is fetched with one ranged GET (at most
 * {@value #MAX_RUN_BLOCKS} blocks), so a reader's many small reads cost few requests, and a block read by one request
 * serves the next. Thread-safe; closing it releases nothing (the store's HTTP client and the cache are shared).
 */
final class RemoteByteSource implements ByteSource {
    static final int MAX_RUN_BLOCKS = 64;

    private final ObjectStore store;
    private final ObjectStore.ObjectInfo object;
    private final String name;
    private final String location;
    private final BlockCache cache;
    private final int blockSize;

    RemoteByteSource(ObjectStore store, ObjectStore.ObjectInfo object, String name, BlockCache cache) {
        this.store = store;
        this.object = object;
        this.name = name;
        this.location = store.location(object.key());
        this.cache = cache;
        this.blockSize = cache.blockSize();
    }

    @Override
    public String name() {
        return name;
    }

    /** The object's full address (store, bucket or base, key), without credentials. */
    @Override
    public String location() {
        return location;
    }

    @Override
    public long size() {
        return object.size();
    }

    @Override
    public String version() {
        return object.version();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        long size = object.size();
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= size) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), size - position);
        if (want == 0) {
            return 0;
        }
        long first = position / blockSize;
        long last = (position + want - 1) / blockSize;
        byte[][] blocks = new byte[(int) (last - first + 1)][];
        for (long b = first; b <= last; b++) {
            blocks[(int) (b - first)] = cache.get(key(b));
        }
        for (long b = first; b <= last; ) {
            if (blocks[(int) (b - first)] != null) {
                b++;
                continue;
            }
            long runEnd = b; // inclusive
            while (runEnd + 1 <= last && blocks[(int) (runEnd + 1 - first)] == null && runEnd + 1 - b < MAX_RUN_BLOCKS) {
                runEnd++;
            }
            fetch(b, runEnd, blocks, first);
            b = runEnd + 1;
        }
        long at = position;
        int copied = 0;
        while (copied < want) {
            long b = at / blockSize;
            byte[] block = blocks[(int) (b - first)];
            int from = (int) (at - b * blockSize);
            int n = Math.min(block.length - from, want - copied);
            dst.put(block, from, n);
            copied += n;
            at += n;
        }
        return copied;
    }

    private void fetch(long firstBlock, long lastBlock, byte[][] blocks, long base) throws IOException {
        long start = firstBlock * blockSize;
        long end = Math.min(object.size(), (lastBlock + 1) * blockSize);
        byte[] run = new byte[(int) (end - start)];
        store.read(object, start, run, 0, run.length);
        for (long b = firstBlock; b <= lastBlock; b++) {
            int from = (int) ((b - firstBlock) * blockSize);
            byte[] block = Arrays.copyOfRange(run, from, Math.min(run.length, from + blockSize));
            cache.put(key(b), block);
            blocks[(int) (b - base)] = block;
        }
    }

    private BlockCache.Key key(long index) {
        return new BlockCache.Key(location, object.version(), index);
    }

    @Override
    public void close() {
        // nothing of its own: the HTTP client and the block cache are shared
    }

    @Override
    public String toString() {
        return "RemoteByteSource[" + location + "]";
    }
}
