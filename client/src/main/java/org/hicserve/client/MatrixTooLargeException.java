package org.hicserve.client;

/** A dense matrix would have more cells than allowed; refused before anything was downloaded. */
public final class MatrixTooLargeException extends HicServeException {
    private static final long serialVersionUID = 1L;
    private final long rows;
    private final long columns;
    private final long maxCells;

    /** A refused matrix of {@code rows x columns} cells, more than {@code maxCells}. */
    public MatrixTooLargeException(String message, long rows, long columns, long maxCells) {
        super(message);
        this.rows = rows;
        this.columns = columns;
        this.maxCells = maxCells;
    }

    /** Rows the matrix would have (bins of {@code range1}). */
    public long rows() {
        return rows;
    }

    /** Columns the matrix would have (bins of {@code range2}). */
    public long columns() {
        return columns;
    }

    /** The limit that was exceeded. */
    public long maxCells() {
        return maxCells;
    }
}
