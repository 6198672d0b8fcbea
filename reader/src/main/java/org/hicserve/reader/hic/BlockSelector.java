package org.hicserve.reader.hic;

import java.util.Arrays;

/**
 * Picks the blocks of a {@link MatrixZoom} that may hold records inside a query rectangle, by testing each stored
 * block's footprint against it (linear in the number of stored blocks, so a sparse or huge block grid costs nothing
 * extra, and empty blocks are never visited).
 * <ul>
 * <li>Grid layout (versions up to 8, and inter-chromosomal matrices in v9):
 * {@code blockNumber = (binY / blockBinCount) * blockColumnCount + binX / blockBinCount}, as straw and hictk compute it
 * (the spec prose says column-major; the readers win).</li>
 * <li>Rotated layout (v9 intra-chromosomal): {@code pad = (binX + binY) / 2 / blockBinCount} along the diagonal,
 * {@code depth = floor(log2(1 + |binX - binY| / sqrt(2) / blockBinCount))} away from it,
 * {@code blockNumber = depth * blockColumnCount + pad}. A block is then a band of the plane in (s = x + y, t = x - y)
 * coordinates; it meets the rectangle iff the two convex shapes overlap on each of the four axes s, t, x, y (separating
 * axis test), with the depth bounds widened by one bin against floating-point rounding. This is tighter than straw's
 * bounding box of pads and depths, which hictk notes is very conservative for long thin queries.</li>
 * </ul>
 * Stateless.
 */
final class BlockSelector {
    private BlockSelector() {
    }

    /** A rectangle of stored coordinates: {@code binX in [x1, x2)}, {@code binY in [y1, y2)}. */
    record Rect(long x1, long x2, long y1, long y2) {
        boolean isEmpty() {
            return x2 <= x1 || y2 <= y1;
        }
    }

    /** Indices (into the zoom's arrays, ascending) of the blocks that may hold records in any of the rectangles. */
    static int[] select(MatrixZoom zoom, boolean rotated, Rect... rects) {
        int[] numbers = zoom.blockNumbers();
        int[] out = new int[numbers.length];
        int n = 0;
        for (int i = 0; i < numbers.length; i++) {
            for (Rect r : rects) {
                if (!r.isEmpty() && (rotated ? meetsRotated(zoom, numbers[i], r) : meetsGrid(zoom, numbers[i], r))) {
                    out[n++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    static boolean meetsGrid(MatrixZoom zoom, int blockNumber, Rect r) {
        long bbc = zoom.blockBinCount();
        long row = blockNumber / zoom.blockColumnCount();
        long col = blockNumber % zoom.blockColumnCount();
        long bx1 = col * bbc;
        long by1 = row * bbc;
        return bx1 < r.x2() && bx1 + bbc > r.x1() && by1 < r.y2() && by1 + bbc > r.y1();
    }

    static boolean meetsRotated(MatrixZoom zoom, int blockNumber, Rect r) {
        double bbc = zoom.blockBinCount();
        int depth = blockNumber / zoom.blockColumnCount();
        long pad = blockNumber % zoom.blockColumnCount();
        // the block: s = x + y in [sLo, sHi], |t| = |x - y| in [tLo, tHi]
        double sLo = 2 * bbc * pad;
        double sHi = 2 * bbc * (pad + 1) - 1;
        double tLo = Math.max(0, Math.floor((Math.pow(2, depth) - 1) * Math.sqrt(2) * bbc) - 1);
        double tHi = Math.ceil((Math.pow(2, depth + 1) - 1) * Math.sqrt(2) * bbc) + 1;
        // the rectangle, inclusive
        double x1 = r.x1();
        double x2 = r.x2() - 1;
        double y1 = r.y1();
        double y2 = r.y2() - 1;
        return meetsBand(x1, x2, y1, y2, sLo, sHi, tLo, tHi) || meetsBand(x1, x2, y1, y2, sLo, sHi, -tHi, -tLo);
    }

    /** Separating-axis test of the rectangle against {s in [sLo, sHi], t in [tLo, tHi]}. */
    private static boolean meetsBand(double x1, double x2, double y1, double y2, double sLo, double sHi, double tLo,
            double tHi) {
        return overlaps(x1 + y1, x2 + y2, sLo, sHi) // s axis
                && overlaps(x1 - y2, x2 - y1, tLo, tHi) // t axis
                && overlaps(2 * x1, 2 * x2, sLo + tLo, sHi + tHi) // x axis: 2x = s + t
                && overlaps(2 * y1, 2 * y2, sLo - tHi, sHi - tLo); // y axis: 2y = s - t
    }

    private static boolean overlaps(double a1, double a2, double b1, double b2) {
        return a1 <= b2 && b1 <= a2;
    }
}
