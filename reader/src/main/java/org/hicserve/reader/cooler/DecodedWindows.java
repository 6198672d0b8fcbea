package org.hicserve.reader.cooler;

import java.util.ArrayDeque;
import org.hicserve.reader.io.AheadTask;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Decoded windows of a pixel slab ({@code bin2_id} and {@code count}), in order. Inflating is 80-90% of a read
 * (PERFORMANCE.md) and chunks are independent, so with an executor the next windows are decoded ahead, each on
 * a chunk reader (an Inflater) of its own, while the caller filters the current one. A window nobody has started
 * yet when the caller needs it is decoded by the caller itself: the caller never waits on a busy executor.
 * Used by one consumer thread.
 */
final class DecodedWindows implements AutoCloseable {
    /** One decoded window: pixels {@code [from, from + n)}. */
    record Window(long from, int n, long[] bin2, int[] ints, double[] floats) {
    }

    /** The window of {@code n} pixels from {@code from}, decoded ahead. */
    private record Pending(long from, int n, AheadTask<Window> task) {
    }

    private final CoolerGroup group;
    private final boolean floatCounts;
    private final Executor executor; // null: decode on the caller's thread only
    private final int depth;
    private final BlockingQueue<ChunkReader> readers;
    private final Supplier<ChunkReader> newReader;
    private final Deque<Pending> ahead = new ArrayDeque<>();
    private long next;
    private long end;
    private volatile boolean closed;

    DecodedWindows(CoolerGroup group, Executor executor, int depth, Supplier<ChunkReader> newReader) {
        this.group = group;
        this.floatCounts = group.hasFloatCounts();
        this.executor = depth > 0 ? executor : null;
        this.depth = this.executor == null ? 0 : depth;
        this.readers = new ArrayBlockingQueue<>(this.depth + 1);
        this.newReader = newReader;
    }

    /** Starts a slab {@code [start, end)} of the pixel table; windows are then asked for in order. */
    void beginSlab(long start, long slabEnd) {
        dropAhead();
        next = start;
        end = slabEnd;
        fill();
    }

    /** The window {@code [from, from + n)}, which must follow the previous one in the slab. */
    Window get(long from, int n) {
        Pending p = ahead.peekFirst();
        if (p == null || p.from != from || p.n != n) {
            dropAhead();
            next = from + n;
            Window w = decodeWithPooledReader(from, n);
            fill();
            return w;
        }
        ahead.pollFirst();
        fill();
        return p.task().take();
    }

    private void fill() {
        while (executor != null && ahead.size() < depth && next < end && !closed) {
            int n = (int) Math.min(CoolerPixelSource.WINDOW, end - next);
            long from = next;
            Pending p = new Pending(from, n, new AheadTask<>(() -> decodeWithPooledReader(from, n)));
            next += n;
            ahead.addLast(p);
            try {
                executor.execute(p.task()::run);
            } catch (RejectedExecutionException e) {
                // a full executor: the window is decoded by the caller when it gets there
            }
        }
    }

    private void dropAhead() {
        for (Pending p : ahead) {
            p.task().drop();
        }
        ahead.clear();
    }

    private Window decodeWithPooledReader(long from, int n) {
        ChunkReader r = readers.poll();
        if (r == null) {
            r = newReader.get();
        }
        try {
            long[] bin2 = new long[n];
            r.readLongs(group.bin2Column, from, n, bin2, 0);
            if (floatCounts) {
                double[] f = new double[n];
                r.readDoubles(group.countColumn, from, n, f, 0);
                return new Window(from, n, bin2, null, f);
            }
            int[] c = new int[n];
            r.readInts(group.countColumn, from, n, c, 0);
            return new Window(from, n, bin2, c, null);
        } finally {
            if (closed || !readers.offer(r)) {
                r.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dropAhead();
        for (ChunkReader r; (r = readers.poll()) != null; ) {
            r.close();
        }
    }
}
