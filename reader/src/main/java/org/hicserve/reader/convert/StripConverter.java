package org.hicserve.reader.convert;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.transform.RawPixelSource;

/**
 * Converts the row strip of one chromosome at one resolution: every stored pixel whose bin1 lies on chromosome
 * {@code i}, which is exactly the matrices {@code i_j} for every {@code j >= i}. The strip is read once, in stored
 * order; each pixel goes to its pair's buffer tagged with its block number. When the buffered pixels pass the memory
 * budget, every pair's buffer is sorted by block and spilled as one run to a spill file; at the end each pair's
 * runs (and what is still in memory) are merged block by block, each block encoded and appended to the output. The
 * cis pair also feeds the expected-value sums. Memory: the budget, plus one block, plus the per-distance sums.
 * One instance per task; not thread-safe.
 */
final class StripConverter {
    private static final int SAMPLE = 1000;

    private final CoolerFile file;
    private final BinTable bins;
    private final int chrom;
    private final ResolutionPlan plan;
    private final HicOutput output;
    private final BlockEncoder encoder;
    private final long budgetPixels;
    private final Path spillDir;
    private final ProgressListener progress;
    private final PairState[] pairs;
    private final GenomeWideMatrix genomeWide; // null unless this resolution feeds the All matrix
    private final List<Spill> spills = new ArrayList<>();
    private long buffered;

    /** One matrix {@code i_j} in the making. */
    private static final class PairState {
        final int other;
        final BlockGrid grid;
        final PairBuffer buffer = new PairBuffer();
        double sum;
        long cells;
        final float[] sample = new float[SAMPLE];
        int sampled;
        long seed = 0x9E3779B97F4A7C15L;

        PairState(int other, BlockGrid grid) {
            this.other = other;
            this.grid = grid;
        }

        /** Reservoir sample of the counts, for the zoom header's 5th/95th percentiles (informative only). */
        void sample(float v) {
            if (sampled < SAMPLE) {
                sample[sampled++] = v;
                return;
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long k = Long.remainderUnsigned(seed >>> 1, cells);
            if (k < SAMPLE) {
                sample[(int) k] = v;
            }
        }

        float percentile(double p) {
            if (sampled == 0) {
                return 0;
            }
            float[] s = Arrays.copyOf(sample, sampled);
            Arrays.sort(s);
            return s[(int) Math.min(sampled - 1, Math.floor(p * (sampled - 1)))];
        }
    }

    /** A spill file and where each pair's run starts in it (in records). */
    private record Spill(Path path, Map<Integer, long[]> segments) {
    }

    StripConverter(CoolerFile file, int chrom, ResolutionPlan plan, HicOutput output, BlockEncoder encoder,
            long budgetPixels, Path spillDir, ProgressListener progress, GenomeWideMatrix genomeWide) {
        this.file = file;
        this.bins = file.bins();
        this.chrom = chrom;
        this.plan = plan;
        this.output = output;
        this.encoder = encoder;
        this.budgetPixels = Math.max(1, budgetPixels);
        this.spillDir = spillDir;
        this.progress = progress;
        this.pairs = new PairState[bins.reference().size() - chrom];
        this.genomeWide = genomeWide;
    }

    /** Runs the task; returns the zoom record of each pair {@code (i, j)} that has pixels, by {@code j}. */
    Map<Integer, ZoomRecord> run() throws IOException {
        try {
            read();
            Map<Integer, ZoomRecord> out = new TreeMap<>();
            for (PairState p : pairs) {
                if (p != null && p.cells > 0) {
                    out.put(p.other, writeBlocks(p));
                }
            }
            return out;
        } finally {
            for (Spill s : spills) {
                Files.deleteIfExists(s.path());
            }
        }
    }

    private void read() throws IOException {
        int res = plan.binSize();
        long offI = bins.chromOffset(chrom);
        long lenI = bins.reference().get(chrom).length();
        int nBinsI = (int) bins.binCount(chrom);
        boolean anyCis = false;
        double cisTotal = 0;
        double[] cisByDistance = new double[nBinsI + 1];
        int nNorms = plan.normalizations().size();
        float[][] vectors = new float[nNorms][];
        double[][] normByDistance = new double[nNorms][];
        double[] normTotal = new double[nNorms];
        boolean[] normAny = new boolean[nNorms];
        for (int n = 0; n < nNorms; n++) {
            vectors[n] = plan.normalizations().get(n).values();
            normByDistance[n] = new double[nBinsI + 1];
        }
        long curStart = 0;
        long curEnd = 0;
        PairState cur = null;
        double[] all = genomeWide != null ? genomeWide.newLocal() : null;
        int allBins = genomeWide != null ? genomeWide.nBins() : 0;
        try (RawPixelSource source = file.rowStrip(chrom)) {
            PixelBatch batch;
            while ((batch = source.nextChunk()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("conversion cancelled");
                }
                int size = batch.size();
                long[] b1 = batch.bin1();
                long[] b2 = batch.bin2();
                int[] ic = batch.intCounts();
                double[] fc = batch.floatCounts();
                for (int k = 0; k < size; k++) {
                    long bin2 = b2[k];
                    if (cur == null || bin2 < curStart || bin2 >= curEnd) {
                        int j = bins.chromIdOf(bin2);
                        curStart = bins.chromOffset(j);
                        curEnd = curStart + bins.binCount(j);
                        cur = pairs[j - chrom];
                        if (cur == null) {
                            long lenJ = bins.reference().get(j).length();
                            cur = new PairState(j, BlockGrid.of(lenI, lenJ, res, j == chrom));
                            pairs[j - chrom] = cur;
                        }
                    }
                    int x = (int) (b1[k] - offI);
                    int y = (int) (bin2 - curStart);
                    float v = fc != null ? (float) fc[k] : (float) ic[k];
                    cur.buffer.add(cur.grid.blockNumber(x, y), x, y, v);
                    cur.cells++;
                    cur.sum += cur.other == chrom && x != y ? 2.0 * v : v;
                    cur.sample(v);
                    if (cur.other == chrom && v > 0) {
                        int d = y - x;
                        cisByDistance[d] += v;
                        cisTotal += v;
                        anyCis = true;
                        for (int n = 0; n < nNorms; n++) {
                            float vx = vectors[n][(int) b1[k]];
                            float vy = vectors[n][(int) bin2];
                            if (vx > 0 && vy > 0) {
                                float value = v / (vx * vy); // float arithmetic, as Juicer Tools does it
                                if (value > 0) {
                                    normByDistance[n][d] += value;
                                    normTotal[n] += value;
                                    normAny[n] = true;
                                }
                            }
                        }
                    }
                    if (all != null) {
                        GenomeWideMatrix.add(all, allBins, genomeWide.binOf(chrom, x, res),
                                genomeWide.binOf(cur.other, y, res), v);
                    }
                    if (++buffered >= budgetPixels) {
                        spill();
                    }
                }
                progress.pixelsRead(size);
            }
        }
        if (all != null) {
            genomeWide.merge(all);
        }
        int fileIdx = chrom + 1;
        plan.observed().add(fileIdx, cisByDistance, cisTotal, anyCis);
        for (int n = 0; n < nNorms; n++) {
            plan.normalized().get(n).add(fileIdx, normByDistance[n], normTotal[n], normAny[n]);
        }
    }

    /** Moves every buffered pixel to a new spill file, one block-sorted run per pair. */
    private void spill() throws IOException {
        Path path = Files.createTempFile(spillDir, ".hicserve-spill-", ".bin");
        Map<Integer, long[]> segments = new TreeMap<>();
        spills.add(new Spill(path, segments));
        try (OutputStream raw = Files.newOutputStream(path, StandardOpenOption.WRITE);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            long records = 0;
            for (PairState p : pairs) {
                if (p == null || p.buffer.size == 0) {
                    continue;
                }
                segments.put(p.other, new long[] {records, p.buffer.size});
                p.buffer.writeRun(out);
                records += p.buffer.size;
                p.buffer.release();
            }
        }
        buffered = 0;
    }

    private ZoomRecord writeBlocks(PairState p) throws IOException {
        List<SortedRun> runs = new ArrayList<>();
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (Spill s : spills) {
                long[] seg = s.segments().get(p.other);
                if (seg != null) {
                    FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ);
                    channels.add(ch);
                    runs.add(SortedRun.of(ch, seg[0] * 16, seg[1]));
                }
            }
            if (p.buffer.size > 0) {
                runs.add(SortedRun.of(p.buffer));
            }
            List<ZoomRecord.BlockEntry> entries = BlockWriter.write(runs, encoder, output);
            p.buffer.release();
            return new ZoomRecord(plan.binSize(), p.sum, p.cells, p.percentile(0.05), p.percentile(0.95), p.grid,
                    entries);
        } finally {
            for (FileChannel ch : channels) {
                ch.close();
            }
        }
    }
}
