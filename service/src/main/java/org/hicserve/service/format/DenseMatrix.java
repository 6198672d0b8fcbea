package org.hicserve.service.format;

import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.PixelBatch;

/**
 * The dense matrix of a region: rows are the bins of range1, columns those of range2, row-major float64.
 * Cells without a stored pixel (or whose normalized value was not finite, and so dropped) are 0. Its size is
 * checked by the caller before any pixel is read. Not thread-safe.
 */
public final class DenseMatrix {
    private final BinRange rows;
    private final BinRange columns;
    private final double[] cells;

    public DenseMatrix(BinRange rows, BinRange columns) {
        long n = rows.size() * columns.size();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("dense matrix of " + n + " cells");
        }
        this.rows = rows;
        this.columns = columns;
        this.cells = new double[(int) n];
    }

    public static long cells(BinRange rows, BinRange columns) {
        return rows.size() * columns.size();
    }

    public void add(PixelBatch b) {
        int width = (int) columns.size();
        for (int i = 0; i < b.size(); i++) {
            long r = b.bin1()[i] - rows.first();
            long c = b.bin2()[i] - columns.first();
            if (r >= 0 && r < rows.size() && c >= 0 && c < width) {
                cells[(int) (r * width + c)] = b.count(i);
            }
        }
    }

    public int rowCount() {
        return (int) rows.size();
    }

    public int columnCount() {
        return (int) columns.size();
    }

    public double get(int row, int column) {
        return cells[row * columnCount() + column];
    }

    double[] cells() {
        return cells;
    }
}
