package org.hicserve.reader.transform;

import java.util.NoSuchElementException;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Weights;

/**
 * Turns a format's raw chunks into the batches a caller sees: keeps pixels inside the diagonal band, applies a
 * balancing vector (dropping pixels whose value is not finite, as cooler and straw do), and cuts the stream into
 * batches of at most {@code batchRows}. Not thread-safe.
 */
public final class BatchingPixelSelector implements PixelSelector {
    private static final int FIRST_CAPACITY = 4096;

    private final RawPixelSource source;
    private final BinTable bins;
    private final Weights weights; // null: raw counts
    private final long bandWidth;
    private final int batchRows;
    private final CountType countType;

    private PixelBatch chunk;
    private int chunkPos;
    private boolean sourceDone;
    private PixelBatch pending;
    private int capacity;
    private boolean closed;

    /**
     * @param rawIsFloat whether the source yields float counts (a float file)
     * @param weights the vector to apply, or null for raw counts
     * @param bandWidth keep pixels with |bin2 - bin1| < bandWidth; 0 keeps all
     */
    public BatchingPixelSelector(RawPixelSource source, BinTable bins, boolean rawIsFloat, Weights weights,
            long bandWidth, int batchRows) {
        this(source, bins, rawIsFloat, weights, bandWidth, batchRows, null);
    }

    /**
     * @param countType the type raw counts are answered as (null: the source's own); float counts asked as INT32
     *     are rounded to the nearest integer, integer counts asked as FLOAT64 are widened. Ignored when normalized.
     */
    public BatchingPixelSelector(RawPixelSource source, BinTable bins, boolean rawIsFloat, Weights weights,
            long bandWidth, int batchRows, CountType countType) {
        this.source = source;
        this.bins = bins;
        this.weights = weights;
        this.bandWidth = bandWidth;
        this.batchRows = batchRows;
        this.countType = weights != null ? CountType.FLOAT64
                : countType != null ? countType : rawIsFloat ? CountType.FLOAT64 : CountType.INT32;
        this.capacity = Math.min(batchRows, FIRST_CAPACITY);
    }

    @Override
    public CountType countType() {
        return countType;
    }

    @Override
    public BinTable bins() {
        return bins;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !closed) {
            pending = fill();
        }
        return pending != null;
    }

    @Override
    public PixelBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PixelBatch b = pending;
        pending = null;
        return b;
    }

    private PixelBatch fill() {
        PixelBatch out = countType == CountType.FLOAT64 ? PixelBatch.ofFloats(capacity) : PixelBatch.ofInts(capacity);
        long[] o1 = out.bin1();
        long[] o2 = out.bin2();
        int[] oi = out.intCounts();
        double[] of = out.floatCounts();
        int n = 0;
        while (n < capacity) {
            if (chunk == null || chunkPos >= chunk.size()) {
                if (sourceDone || !advanceChunk()) {
                    break;
                }
            }
            long[] b1 = chunk.bin1();
            long[] b2 = chunk.bin2();
            int[] ci = chunk.intCounts();
            double[] cf = chunk.floatCounts();
            int end = chunk.size();
            int i = chunkPos;
            for (; i < end && n < capacity; i++) {
                long a = b1[i];
                long b = b2[i];
                if (bandWidth > 0 && Math.abs(b - a) >= bandWidth) {
                    continue;
                }
                if (weights != null) {
                    double v = weights.apply(ci != null ? ci[i] : cf[i], a, b);
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    of[n] = v;
                } else if (of != null) {
                    of[n] = cf != null ? cf[i] : ci[i];
                } else {
                    oi[n] = ci != null ? ci[i] : (int) Math.rint(cf[i]); // saturates at the int range
                }
                o1[n] = a;
                o2[n] = b;
                n++;
            }
            chunkPos = i;
        }
        if (n == 0) {
            return null;
        }
        if (n == capacity && capacity < batchRows) {
            capacity = Math.min(batchRows, capacity * 4);
        }
        return out.withSize(n);
    }

    private boolean advanceChunk() {
        chunk = source.nextChunk();
        chunkPos = 0;
        if (chunk == null) {
            sourceDone = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pending = null;
            chunk = null;
            source.close();
        }
    }
}
