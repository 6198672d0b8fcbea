package org.hicserve.service.tiles;

import java.util.Arrays;

/**
 * The 256 x 256 values of one tile, row-major: row = bin2 (y) cell, column = bin1 (x) cell, as clodius flattens
 * it. Starts at 0 (an empty pixel); NaN marks bins without a weight and cells past the genome's end.
 * Not thread-safe: one tile is filled by one thread.
 */
public final class DenseTile {
    public static final int CELLS = TileGeometry.SIZE * TileGeometry.SIZE;
    private final float[] values = new float[CELLS];

    public void set(int row, int col, double value) {
        values[row * TileGeometry.SIZE + col] = Double.isFinite(value) ? (float) value : 0f;
    }

    public float get(int row, int col) {
        return values[row * TileGeometry.SIZE + col];
    }

    public void maskColumn(int col) {
        for (int row = 0; row < TileGeometry.SIZE; row++) {
            values[row * TileGeometry.SIZE + col] = Float.NaN;
        }
    }

    public void maskRow(int row) {
        Arrays.fill(values, row * TileGeometry.SIZE, (row + 1) * TileGeometry.SIZE, Float.NaN);
    }

    /** The values themselves (not a copy): for the encoder and tests. */
    public float[] values() {
        return values;
    }
}
