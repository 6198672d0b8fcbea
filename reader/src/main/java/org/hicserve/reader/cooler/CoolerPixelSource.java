package org.hicserve.reader.cooler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.transform.RawPixelSource;

/**
 * Raw pixels of a cooler query. The pixel table is sorted by bin1 then bin2 and indexed by
 * {@code indexes/bin1_offset}, so a band of rows is one contiguous slab: it is read window by window, keeping the
 * pixels whose bin2 falls in the wanted columns. {@code bin1_id} is never read: the index gives it, which saves a
 * third of the inflate work (PERFORMANCE.md). Not thread-safe.
 */
final class CoolerPixelSource implements RawPixelSource {
    /** Pixels decoded per window: big enough to amortize per-call costs, small enough to stay in cache. */
    static final int WINDOW = 64 * 1024;

    /**
     * Rows {@code rows} of the stored upper triangle, keeping bin2 in {@code columns}; {@code transposed} emits
     * (bin2, bin1) instead, and {@code skipDiagonal} drops bin1 == bin2 (already emitted by the direct scan).
     */
    record Scan(BinRange rows, BinRange columns, boolean transposed, boolean skipDiagonal) {
    }

    private final CoolerGroup group;
    private final DecodedWindows windows;
    private final String file;
    private final boolean floatCounts;
    private final Deque<Scan> scans;
    private final PixelBatch out;

    private Scan scan;
    private long pixel;     // next pixel row to read in the current scan
    private long pixelEnd;  // end of the current scan's slab
    private long row;       // bin1 of `pixel`
    private long lastBin2;  // bin2 of the pixel before `pixel` in its row (row - 1 at a row's start)

    CoolerPixelSource(CoolerGroup group, DecodedWindows windows, String file, List<Scan> scans) {
        this.group = group;
        this.windows = windows;
        this.file = file;
        this.floatCounts = group.hasFloatCounts();
        this.scans = new ArrayDeque<>(scans);
        this.out = floatCounts ? PixelBatch.ofFloats(WINDOW) : PixelBatch.ofInts(WINDOW);
    }

    boolean floatCounts() {
        return floatCounts;
    }

    @Override
    public PixelBatch nextChunk() {
        while (true) {
            if (scan == null || pixel >= pixelEnd) {
                if (!startNextScan()) {
                    return null;
                }
                continue;
            }
            int n = readWindow();
            if (n > 0) {
                return out.withSize(n);
            }
        }
    }

    private boolean startNextScan() {
        scan = scans.poll();
        if (scan == null) {
            return false;
        }
        long[] offsets = group.bin1Offset;
        row = scan.rows().first();
        pixel = offsets[(int) scan.rows().first()];
        pixelEnd = offsets[(int) scan.rows().end()];
        lastBin2 = row - 1;
        windows.beginSlab(pixel, pixelEnd);
        return true;
    }

    /** Decodes one window of the slab and keeps the pixels inside the scan's columns; returns how many. */
    private int readWindow() {
        int n = (int) Math.min(WINDOW, pixelEnd - pixel);
        long from = pixel;
        DecodedWindows.Window w = windows.get(from, n);
        long[] bin2Buffer = w.bin2();
        int[] intBuffer = w.ints();
        double[] floatBuffer = w.floats();
        long[] offsets = group.bin1Offset;
        long lo = scan.columns().first();
        long hi = scan.columns().end();
        boolean transposed = scan.transposed();
        boolean skipDiagonal = scan.skipDiagonal();
        long[] o1 = out.bin1();
        long[] o2 = out.bin2();
        int[] oi = out.intCounts();
        double[] of = out.floatCounts();
        int kept = 0;
        long r = row;
        long nextRowStart = offsets[(int) r + 1];
        long prev = lastBin2;
        long nBins = group.bins.size();
        for (int i = 0; i < n; i++) {
            long p = from + i;
            while (p >= nextRowStart) {
                r++;
                nextRowStart = offsets[(int) r + 1];
                prev = r - 1;
            }
            long b2 = bin2Buffer[i];
            // a symmetric-upper row holds strictly increasing bin2 >= bin1: anything else is a corrupt index or column
            if (b2 <= prev || b2 >= nBins) {
                throw new MalformedFileException(file + ": " + group.bin2Column.name() + "[" + p + "] = " + b2
                        + " in row " + r + " after " + (prev < r ? "the row start" : "bin2 " + prev)
                        + " (expected increasing ids in [" + r + ", " + nBins + ")): corrupt pixel table or bin1_offset");
            }
            prev = b2;
            if (b2 < lo || b2 >= hi || (skipDiagonal && b2 == r)) {
                continue;
            }
            if (transposed) {
                o1[kept] = b2;
                o2[kept] = r;
            } else {
                o1[kept] = r;
                o2[kept] = b2;
            }
            if (of != null) {
                of[kept] = floatBuffer[i];
            } else {
                oi[kept] = intBuffer[i];
            }
            kept++;
        }
        row = r;
        lastBin2 = prev;
        pixel = from + n;
        return kept;
    }

    @Override
    public void close() {
        scans.clear();
        scan = null;
        windows.close();
    }
}
