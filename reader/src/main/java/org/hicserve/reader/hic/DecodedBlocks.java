package org.hicserve.reader.hic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hicserve.reader.io.AheadTask;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.BlockInflater;
import org.hicserve.reader.io.DecodedBlockCache;

/**
 * The decoded records of a query's blocks, in the query's order. Three ways, same records:
 * <ul>
 * <li>alone: each block is inflated and decoded on the reading thread into the handle's reused buffers (no
 * allocation per block);</li>
 * <li>with a shared {@link DecodedBlockCache}: a block another query decoded is taken from the cache, any other is
 * decoded into fresh arrays and published there, immutable;</li>
 * <li>with an executor: the next {@code depth} blocks are decoded on it (each on an inflater of its own) while the
 * reading thread works on the current one. A block nobody has started when the reading thread needs it is decoded
 * by the reading thread itself, so it never waits on a busy executor; {@link #close} drops what is not started.</li>
 * </ul>
 * Used by one consumer thread.
 */
final class DecodedBlocks implements AutoCloseable {
    /** An inflater and decoding buffers, used by one thread at a time (pooled). */
    private static final class Decoder {
        final BlockInflater inflater = new BlockInflater();
        final InteractionBlock scratch = new InteractionBlock();
    }

    /** Block {@code index} of the query, decoded ahead. */
    private record Pending(int index, AheadTask<DecodedBlock> task) {
    }

    private final HicFile file;
    private final MatrixZoom zoom;
    private final int[] blocks;
    private final DecodedBlockCache cache;
    private final DecodedBlockCache.FileKey fileKey;
    private final Executor executor; // null: decode on the reading thread only
    private final int depth;
    private final BlockingQueue<Decoder> decoders;
    private final InteractionBlock reused = new InteractionBlock();
    private final Deque<Pending> ahead = new ArrayDeque<>();
    private int next;      // index in `blocks` of the next block handed out
    private int scheduled; // index in `blocks` of the next block to schedule ahead
    private volatile boolean closed;

    /**
     * @param blocks indexes into the zoom's block index, in the order they are wanted
     * @param fileKey the file as the cache knows it; unused when the cache is not enabled
     */
    DecodedBlocks(HicFile file, MatrixZoom zoom, int[] blocks, DecodedBlockCache cache,
            DecodedBlockCache.FileKey fileKey, Executor executor, int depth) {
        this.file = file;
        this.zoom = zoom;
        this.blocks = blocks;
        this.cache = cache;
        this.fileKey = fileKey;
        this.executor = depth > 0 && blocks.length > 1 ? executor : null;
        this.depth = this.executor == null ? 0 : depth;
        this.decoders = new ArrayBlockingQueue<>(this.depth + 1);
    }

    /** The records of the next block, or null after the last. */
    DecodedBlock next() {
        if (next >= blocks.length) {
            return null;
        }
        int i = next++;
        Pending p = ahead.peekFirst();
        if (p == null || p.index != i) {
            dropAhead();
            fill();
            return executor == null && !cache.enabled() ? decodeReused(i) : load(i);
        }
        ahead.pollFirst();
        fill();
        return p.task().take();
    }

    private void fill() {
        scheduled = Math.max(scheduled, next);
        while (executor != null && ahead.size() < depth && scheduled < blocks.length && !closed) {
            int index = scheduled++;
            Pending p = new Pending(index, new AheadTask<>(() -> load(index)));
            ahead.addLast(p);
            try {
                executor.execute(p.task()::run);
            } catch (RejectedExecutionException e) {
                // a full executor: the block is decoded by the reading thread when it gets there
            }
        }
    }

    private void dropAhead() {
        for (Pending p : ahead) {
            p.task().drop();
        }
        ahead.clear();
    }

    /** Block {@code i} as an immutable entry: from the cache, or decoded into fresh arrays (and cached). */
    private DecodedBlock load(int i) {
        int b = blocks[i];
        if (!cache.enabled()) {
            return decodeFresh(b);
        }
        return cache.get(new DecodedBlockCache.Key(fileKey, zoom.positions()[b], zoom.sizes()[b], -1), k -> decodeFresh(b));
    }

    private DecodedBlock decodeFresh(int b) {
        Decoder d = decoders.poll();
        if (d == null) {
            d = new Decoder();
        }
        try {
            decode(b, d.inflater, d.scratch);
            return d.scratch.freeze();
        } finally {
            // after close() nothing is pooled: a decoder offered while close() drained the pool is taken back
            if (closed || !decoders.offer(d) || (closed && decoders.remove(d))) {
                d.inflater.close();
            }
        }
    }

    /** Block {@code i} decoded into the handle's inflater and this stream's reused buffers. */
    private DecodedBlock decodeReused(int i) {
        decode(blocks[i], file.inflater(), reused);
        return reused.view();
    }

    private void decode(int b, BlockInflater inflater, InteractionBlock into) {
        HicMetadata m = file.metadata();
        String what = m.name() + ": block " + zoom.blockNumbers()[b] + " of matrix " + zoom.chr1Idx() + "_"
                + zoom.chr2Idx() + " (" + zoom.unit() + " " + zoom.binSize() + ")";
        int len = inflater.inflate(file.channel(), m.fileSize(), zoom.positions()[b], zoom.sizes()[b], what);
        file.countBlockRead();
        into.decode(BinaryCursor.ofBytes(inflater.buffer(), len, what + " at offset " + zoom.positions()[b]
                + ", inflated"), m.version());
    }

    @Override
    public void close() {
        closed = true;
        next = blocks.length;
        dropAhead();
        for (Decoder d; (d = decoders.poll()) != null; ) {
            d.inflater.close();
        }
    }
}
