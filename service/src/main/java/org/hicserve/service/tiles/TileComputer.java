package org.hicserve.service.tiles;

import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.model.QuerySpan;

/**
 * Fills one tile from a handle at the tile's resolution: one region query (both triangles) per pair of chromosomes
 * the tile's two axes cross, read batch by batch into the 256 x 256 cells, so memory stays one tile plus one batch.
 * Then NaN for the rows and columns of bins without a weight (normalized tiles) and for cells past the genome's end.
 */
public final class TileComputer {
    /** Rows per batch: a tile has at most 65,536 cells, so larger batches only cost memory. */
    static final int BATCH_ROWS = 16_384;

    private TileComputer() {
    }

    public static DenseTile compute(MatrixFile file, TileAxis xAxis, TileAxis yAxis, String normalization) {
        DenseTile tile = new DenseTile();
        BinTable bins = file.bins();
        Reference ref = file.chromosomes();
        boolean normalized = !PixelQuery.NONE.equalsIgnoreCase(normalization);
        if (!xAxis.bins().isEmpty() && !yAxis.bins().isEmpty()) {
            for (int cx = bins.chromIdOf(xAxis.bins().first()); cx <= bins.chromIdOf(xAxis.bins().end() - 1); cx++) {
                GenomicInterval rx = region(bins, ref, cx, xAxis.bins());
                if (rx == null) {
                    continue;
                }
                for (int cy = bins.chromIdOf(yAxis.bins().first()); cy <= bins.chromIdOf(yAxis.bins().end() - 1); cy++) {
                    GenomicInterval ry = region(bins, ref, cy, yAxis.bins());
                    if (ry != null) {
                        read(file, new PixelQuery(rx, ry, normalization, QuerySpan.FULL, 0, BATCH_ROWS), xAxis, yAxis, tile);
                    }
                }
            }
            if (normalized) {
                maskUnweighted(file, normalization, xAxis, yAxis, tile);
            }
        }
        for (int c = xAxis.endCell(); c < TileGeometry.SIZE; c++) {
            tile.maskColumn(c);
        }
        for (int r = yAxis.endCell(); r < TileGeometry.SIZE; r++) {
            tile.maskRow(r);
        }
        return tile;
    }

    /** The part of chromosome {@code chromId} covered by an axis' bins, or null when it has none of them. */
    private static GenomicInterval region(BinTable bins, Reference ref, int chromId, BinRange axis) {
        BinRange own = bins.binsOf(chromId);
        long first = Math.max(own.first(), axis.first());
        long end = Math.min(own.end(), axis.end());
        if (first >= end) {
            return null;
        }
        return new GenomicInterval(ref.get(chromId), bins.start(first), bins.end(end - 1));
    }

    private static void read(MatrixFile file, PixelQuery query, TileAxis xAxis, TileAxis yAxis, DenseTile tile) {
        try (PixelSelector pixels = file.fetch(query)) {
            while (pixels.hasNext()) {
                PixelBatch b = pixels.next();
                for (int i = 0; i < b.size(); i++) {
                    int col = xAxis.cellOf(b.bin1()[i]);
                    int row = yAxis.cellOf(b.bin2()[i]);
                    if (col >= 0 && row >= 0) {
                        tile.set(row, col, b.count(i));
                    }
                }
            }
        }
    }

    private static void maskUnweighted(MatrixFile file, String normalization, TileAxis xAxis, TileAxis yAxis,
            DenseTile tile) {
        BinTable bins = file.bins();
        for (long b = xAxis.bins().first(); b < xAxis.bins().end(); b++) {
            int col = xAxis.cellOf(b);
            if (col >= 0 && missing(file.weights(normalization, bins.chromIdOf(b)), b)) {
                tile.maskColumn(col);
            }
        }
        for (long b = yAxis.bins().first(); b < yAxis.bins().end(); b++) {
            int row = yAxis.cellOf(b);
            if (row >= 0 && missing(file.weights(normalization, bins.chromIdOf(b)), b)) {
                tile.maskRow(row);
            }
        }
    }

    /** A bin whose weight is NaN or infinite, or 0 in a divisive vector: none of its pixels has a value. */
    static boolean missing(Weights w, long bin) {
        double v = w.get(bin);
        return !Double.isFinite(v) || (w.divisive() && v == 0);
    }
}
