package org.hicserve.service.tiles;

import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.GenomicInterval;

/**
 * The bins of one tile axis: those whose genome start lies in {@code [start, start + 256 r)} (a contiguous range of
 * genome-wide bin ids), each put in cell {@code (genomeStart - start) / r} as clodius does. Where a chromosome ends in
 * a short bin, the next chromosome's first bin falls in the same cell: the cell then shows the bin that starts in it
 * last (the one covering most of it), so every cell shows exactly one bin. Immutable.
 */
public final class TileAxis {
    private final long start;
    private final int resolution;
    private final BinRange bins;
    private final int[] cells;
    private final boolean[] owner;
    private final int endCell;

    private TileAxis(long start, int resolution, BinRange bins, int[] cells, boolean[] owner, int endCell) {
        this.start = start;
        this.resolution = resolution;
        this.bins = bins;
        this.cells = cells;
        this.owner = owner;
        this.endCell = endCell;
    }

    static TileAxis of(TileGeometry geometry, BinTable table, long start) {
        int r = table.resolution();
        long end = start + (long) TileGeometry.SIZE * r;
        long first = -1;
        long last = -1;
        var chroms = table.reference().chromosomes();
        for (int c = 0; c < chroms.size(); c++) {
            long cs = geometry.chromStart(c);
            long len = chroms.get(c).length();
            if (cs + len <= start || cs >= end || table.binCount(c) == 0) {
                continue;
            }
            BinRange overlap = table.overlapping(new GenomicInterval(chroms.get(c), Math.max(0, start - cs),
                    Math.min(len, end - cs)));
            long b0 = overlap.first();
            if (!overlap.isEmpty() && cs + table.start(b0) < start) {
                b0++; // starts before the tile: it belongs to the tile on the left
            }
            if (b0 < overlap.end()) {
                first = first < 0 ? b0 : first;
                last = overlap.end() - 1;
            }
        }
        BinRange range = first < 0 ? new BinRange(0, 0) : new BinRange(first, last + 1);
        int n = (int) range.size();
        int[] cells = new int[n];
        boolean[] owner = new boolean[n];
        for (int i = 0; i < n; i++) {
            long b = range.first() + i;
            long genomeStart = geometry.chromStart(table.chromIdOf(b)) + table.start(b);
            cells[i] = (int) ((genomeStart - start) / r);
            if (i > 0 && cells[i - 1] == cells[i]) {
                owner[i - 1] = false;
            }
            owner[i] = true;
        }
        long g = geometry.genomeLength();
        int endCell = g <= start ? 0 : (int) Math.min(TileGeometry.SIZE, (g - start) / r);
        return new TileAxis(start, r, range, cells, owner, endCell);
    }

    /** Genome position of cell 0. */
    public long start() {
        return start;
    }

    public int resolution() {
        return resolution;
    }

    /** The genome-wide bin ids on this axis. */
    public BinRange bins() {
        return bins;
    }

    /** The cell a bin is shown in, or -1 when the bin is not on this axis or another bin shows in its cell. */
    public int cellOf(long binId) {
        long i = binId - bins.first();
        if (i < 0 || i >= cells.length || !owner[(int) i]) {
            return -1;
        }
        return cells[(int) i];
    }

    /** The first cell past the genome's end (256 when the genome goes on past this tile). */
    public int endCell() {
        return endCell;
    }
}
