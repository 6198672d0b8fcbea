package org.hicserve.reader.convert;

import java.io.IOException;
import java.util.List;
import org.hicserve.reader.model.Reference;

/**
 * Juicer's whole-genome thumbnail, matrix {@code 0_0} of the {@code All} pseudo-chromosome, which Juicebox shows as
 * its genome-wide view: every contact placed at its genome-wide position in kb
 * ({@code (sum of the previous chromosomes' lengths + position) / 1000}), binned at {@code genomeKb / 500} kb, upper
 * triangle, one resolution, block grid of Juicer Tools (one column of about 500 bins). A converter has bins, not
 * reads: each pixel of the finest converted resolution counts at the middle of its bins (exactly where Juicer puts
 * the contacts of a "short with score" file). The cells are a dense array of about 500 x 500 doubles; each worker
 * fills its own and merges it. Thread-safe.
 */
final class GenomeWideMatrix {
    private final long[] chromStartBp;
    private final long[] chromLength;
    private final int binSize;
    private final int nBins;
    private final double[] cells;

    GenomeWideMatrix(Reference reference) {
        chromStartBp = new long[reference.size()];
        chromLength = new long[reference.size()];
        long genome = 0;
        for (int i = 0; i < reference.size(); i++) {
            chromStartBp[i] = genome;
            chromLength[i] = reference.get(i).length();
            genome += reference.get(i).length();
        }
        long genomeKb = genome / 1000;
        binSize = (int) Math.max(1, genomeKb / 500);
        nBins = (int) (genomeKb / binSize + 1);
        cells = new double[nBins * nBins];
    }

    /** A worker's empty cells. */
    double[] newLocal() {
        return new double[cells.length];
    }

    /** The All bin of bin {@code bin} (chromosome-relative) of a chromosome at resolution {@code res}. */
    int binOf(int chrom, long bin, int res) {
        long mid = Math.min(bin * res + res / 2, Math.max(0, chromLength[chrom] - 1));
        return (int) ((chromStartBp[chrom] + mid) / 1000 / binSize);
    }

    static void add(double[] local, int nBins, int a, int b, double count) {
        int x = Math.min(a, b);
        int y = Math.max(a, b);
        local[x * nBins + y] += count;
    }

    int nBins() {
        return nBins;
    }

    synchronized void merge(double[] local) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] += local[i];
        }
    }

    /** Writes the blocks and returns the zoom record (binSize in kb, as Juicer writes it). */
    synchronized ZoomRecord write(BlockEncoder encoder, HicOutput output) throws IOException {
        int bcc = nBins / BlockGrid.BLOCK_CAPACITY + 1;
        BlockGrid grid = new BlockGrid(nBins / bcc + 1, bcc, true);
        PairBuffer buffer = new PairBuffer();
        double sum = 0;
        for (int x = 0; x < nBins; x++) {
            for (int y = x; y < nBins; y++) {
                double v = cells[x * nBins + y];
                if (v != 0) {
                    buffer.add(grid.blockNumber(x, y), x, y, (float) v);
                    sum += x == y ? v : 2 * v;
                }
            }
        }
        long cellsUsed = buffer.size;
        List<ZoomRecord.BlockEntry> entries = BlockWriter.write(List.of(SortedRun.of(buffer)), encoder, output);
        return new ZoomRecord(binSize, sum, cellsUsed, 0, 0, grid, entries);
    }
}
