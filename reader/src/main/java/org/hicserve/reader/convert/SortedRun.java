package org.hicserve.reader.convert;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * One source of a pair's pixels sorted by block number, read block by block: either a segment of a spill file or
 * the pair's in-memory buffer. Used by {@link BlockAssembler} to merge runs. Not thread-safe.
 */
abstract class SortedRun implements AutoCloseable {
    /** Block number of the next pixel, or -1 when the run is exhausted. */
    abstract int peekBlock();

    /** Moves every pixel of block {@link #peekBlock()} into {@code out}. */
    abstract void drainBlock(BlockRecords out);

    @Override
    public void close() {
    }

    /** The pixels of an in-memory buffer (sorted by block on creation). */
    static SortedRun of(PairBuffer buffer) {
        buffer.sortByBlock();
        return new SortedRun() {
            private int i;

            @Override
            int peekBlock() {
                return i < buffer.size ? buffer.block[buffer.at(i)] : -1;
            }

            @Override
            void drainBlock(BlockRecords out) {
                int b = peekBlock();
                while (i < buffer.size && buffer.block[buffer.at(i)] == b) {
                    int k = buffer.at(i++);
                    out.add(buffer.x[k], buffer.y[k], buffer.v[k]);
                }
            }
        };
    }

    /** Records {@code [offset, offset + count)} of a spill file, written by {@link PairBuffer#writeRun}. */
    static SortedRun of(FileChannel spill, long offset, long count) throws IOException {
        InputStream raw = Channels.newInputStream(spill.position(offset));
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        return new SortedRun() {
            private long left = count;
            private int nextBlock = -1;
            private int nx;
            private int ny;
            private float nv;

            {
                advance();
            }

            private void advance() {
                if (left == 0) {
                    nextBlock = -1;
                    return;
                }
                try {
                    nextBlock = in.readInt();
                    nx = in.readInt();
                    ny = in.readInt();
                    nv = in.readFloat();
                    left--;
                } catch (EOFException e) {
                    throw new UncheckedIOException("spill file shorter than written", e);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading a spill file", e);
                }
            }

            @Override
            int peekBlock() {
                return nextBlock;
            }

            @Override
            void drainBlock(BlockRecords out) {
                int b = nextBlock;
                while (nextBlock == b && b >= 0) {
                    out.add(nx, ny, nv);
                    advance();
                }
            }
        };
    }
}
