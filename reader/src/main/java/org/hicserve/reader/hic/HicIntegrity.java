package org.hicserve.reader.hic;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.hic.HicFooter.MatrixEntry;
import org.hicserve.reader.hic.HicFooter.NormVectorEntry;
import org.hicserve.reader.hic.HicHeader.HicChromosome;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.BlockInflater;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.RemoteReadException;

/**
 * Checks the body of a .hic file whose header and footer parsed ({@link HicMetadata#read}), as {@code hictk validate}
 * does and more, without trusting it: every matrix record of the master index (key, chromosome pair, every resolution's
 * zoom header and block index, block positions and sizes inside the file), optionally every block of every matrix at
 * every resolution (inflates, decodes, records inside the chromosomes and inside the footprint of their block number, so
 * that queries find them), and every normalization vector (in range, length consistent with the bin count).
 *
 * <p>Records past a chromosome's last bin are a WARNING: Juicer writes some (hic-straw and this reader drop them).
 * Problems go to a {@link Sink} with a location such as {@code "matrix 1_1 BP 10000 block 12"}; nothing is thrown for
 * anything the file contains. Stateless.
 */
public final class HicIntegrity {
    /** Receives each problem found. */
    @FunctionalInterface
    public interface Sink {
        void report(boolean error, String location, String message);

        /** A failure that is a bug of hicserve, not a problem of the file (an ERROR too). */
        default void internalError(String location, String message) {
            report(true, location, INTERNAL_ERROR + ": " + message);
        }
    }

    /** Marks a failure that is a bug of hicserve rather than a problem of the file. */
    public static final String INTERNAL_ERROR = "internal error (a hicserve bug)";

    /** Blocks reported one by one per zoom level; the rest are counted in a summary line. */
    private static final int MAX_EXAMPLES = 5;
    private static final int MAX_RESOLUTIONS = 10_000;

    private HicIntegrity() {
    }

    /**
     * @param decodeBlocks also inflate and decode every block (the expensive part); without it only the indexes are
     *     checked
     */
    public static void check(HicMetadata metadata, boolean decodeBlocks, Sink sink) {
        try (ByteSource ch = metadata.openSource();
                BlockInflater inflater = new BlockInflater()) {
            new Check(metadata, ch, inflater, decodeBlocks, sink).run();
        } catch (IOException e) {
            sink.report(true, "file", "cannot read the file: " + e.getMessage());
        }
    }

    private static final class Check {
        private final HicMetadata m;
        private final ByteSource ch;
        private final BlockInflater inflater;
        private final boolean decodeBlocks;
        private final Sink sink;
        private final List<HicChromosome> chroms;
        private final long fileSize;
        private final InteractionBlock records = new InteractionBlock();

        Check(HicMetadata m, ByteSource ch, BlockInflater inflater, boolean decodeBlocks, Sink sink) {
            this.m = m;
            this.ch = ch;
            this.inflater = inflater;
            this.decodeBlocks = decodeBlocks;
            this.sink = sink;
            this.chroms = m.header().chromosomes();
            this.fileSize = m.fileSize();
        }

        void run() {
            for (var e : new TreeMap<>(m.footer().masterIndex()).entrySet()) {
                String where = "matrix " + e.getKey();
                try {
                    matrix(e.getKey(), e.getValue(), where);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError x) {
                    fail(where, x);
                }
            }
            for (NormVectorEntry v : m.footer().normVectors()) {
                String where = "normalization vector " + v.type() + " chromosome " + v.chrIdx() + " " + v.unit() + " "
                        + v.binSize();
                try {
                    vector(v, where);
                } catch (RuntimeException x) {
                    fail(where, x);
                }
            }
        }

        /**
         * Reports a failure. No third-party code runs here: anything but a {@link ReaderException} is a bug of this
         * reader, reported through {@link Sink#internalError} so that tests and fuzzing catch it.
         */
        private void fail(String where, Throwable t) {
            RemoteReadException.rethrowIfRemote(t);
            if (t instanceof ReaderException) {
                sink.report(true, where, "cannot be read: " + t.getMessage());
            } else {
                sink.internalError(where, t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
        }

        private List<Integer> resolutions(String unit) {
            return switch (unit) {
                case "BP" -> m.header().bpResolutions();
                case "FRAG" -> m.header().fragResolutions();
                default -> null;
            };
        }

        /** Bins of a chromosome (file index) at a resolution; -1 for the All pseudo-chromosome. */
        private long bins(int chrIdx, String unit, int binSize) {
            HicChromosome c = chroms.get(chrIdx);
            if (c.isAll()) {
                return -1;
            }
            long len = unit.equals("FRAG") ? Math.max(0, c.fragmentCount()) : c.length();
            return (len + binSize - 1) / binSize;
        }

        private void matrix(String key, MatrixEntry entry, String where) {
            int us = key.indexOf('_');
            int i1;
            int i2;
            try {
                i1 = Integer.parseInt(key.substring(0, Math.max(0, us)));
                i2 = Integer.parseInt(key.substring(us + 1));
            } catch (NumberFormatException e) {
                sink.report(true, where, "master index key '" + key + "' is not chr1Idx_chr2Idx");
                return;
            }
            if (i1 < 0 || i2 < 0 || i1 >= chroms.size() || i2 >= chroms.size() || i1 > i2) {
                sink.report(true, where, "master index key names chromosomes " + i1 + " and " + i2 + " but the file has "
                        + chroms.size() + " (and chr1Idx must not exceed chr2Idx)");
                return;
            }
            BinaryCursor in = BinaryCursor.ofChannel(ch, m.name() + " " + where, entry.position(),
                    entry.position() + entry.size());
            int chr1 = in.int32("chr1Idx");
            int chr2 = in.int32("chr2Idx");
            if (chr1 != i1 || chr2 != i2) {
                sink.report(true, where, "the record at offset " + entry.position() + " is for matrix " + chr1 + "_" + chr2);
                return;
            }
            int nRes = in.int32Count("nResolutions", MAX_RESOLUTIONS, 39);
            Set<String> zooms = new HashSet<>();
            for (int r = 0; r < nRes; r++) {
                String unit = in.cString("unit");
                in.int32("resIdx");
                in.float32("sumCounts");
                in.float32("occupiedCellCount");
                in.float32("stdDev");
                in.float32("percent95");
                int binSize = in.int32("binSize");
                int bbc = in.int32("blockBinCount");
                int bcc = in.int32("blockColumnCount");
                int nBlocks = in.int32Count("nBlocks", Integer.MAX_VALUE, 16);
                String z = where + " " + unit + " " + binSize;
                List<Integer> listed = resolutions(unit);
                boolean usable = true;
                if (listed == null) {
                    sink.report(true, z, "unknown unit '" + unit + "' (expected BP or FRAG)");
                    usable = false;
                } else if (binSize <= 0) {
                    sink.report(true, z, "bin size " + binSize + " is not positive");
                    usable = false;
                } else if (!listed.contains(binSize) && !chroms.get(i1).isAll()) {
                    sink.report(false, z, "resolution not listed in the header: it is never served");
                }
                if (!zooms.add(unit + " " + binSize)) {
                    sink.report(true, z, "this resolution appears twice in the matrix record");
                }
                if (bbc <= 0 || bcc <= 0) {
                    sink.report(true, z, "blockBinCount " + bbc + " and blockColumnCount " + bcc + " must be positive");
                    usable = false;
                }
                int[] numbers = new int[nBlocks];
                long[] positions = new long[nBlocks];
                int[] sizes = new int[nBlocks];
                int outside = 0;
                Set<Integer> seen = new HashSet<>();
                for (int b = 0; b < nBlocks; b++) {
                    long at = in.position();
                    numbers[b] = in.int32("blockNumber");
                    positions[b] = in.int64("block filePosition");
                    sizes[b] = in.int32("block sizeBytes");
                    String bw = z + " block " + numbers[b];
                    if (numbers[b] < 0) {
                        sink.report(true, bw, "negative block number (index entry at offset " + at + ")");
                    } else if (!seen.add(numbers[b])) {
                        sink.report(true, bw, "listed twice in the block index (entry at offset " + at + ")");
                    }
                    if (positions[b] < 0 || sizes[b] <= 0 || positions[b] > fileSize - sizes[b]) {
                        if (outside++ < MAX_EXAMPLES) {
                            sink.report(true, bw, "position " + positions[b] + " size " + sizes[b]
                                    + " is outside the file (" + fileSize + " bytes): truncated or corrupt");
                        }
                        sizes[b] = -1; // not decoded
                    }
                }
                if (outside > MAX_EXAMPLES) {
                    sink.report(true, z, outside + " blocks outside the file in all");
                }
                if (usable && decodeBlocks) {
                    MatrixZoom zoom = new MatrixZoom(chr1, chr2, unit, binSize, 0, bbc, bcc, numbers, positions, sizes);
                    blocks(zoom, z);
                }
            }
            if (in.remaining() > 0) {
                sink.report(false, where, in.remaining() + " unread bytes at the end of the matrix record");
            }
        }

        private void blocks(MatrixZoom zoom, String z) {
            long n1 = bins(zoom.chr1Idx(), zoom.unit(), zoom.binSize());
            long n2 = bins(zoom.chr2Idx(), zoom.unit(), zoom.binSize());
            boolean rotated = m.version() >= 9 && zoom.chr1Idx() == zoom.chr2Idx();
            int bad = 0;
            long pastEnd = 0;
            long pastEndBlocks = 0;
            long dropped = 0;
            long misplaced = 0;
            long oddCounts = 0;
            long total = 0;
            String firstPastEnd = null;
            String firstMisplaced = null;
            for (int b = 0; b < zoom.blockCount(); b++) {
                if (zoom.sizes()[b] <= 0) {
                    continue;
                }
                String bw = z + " block " + zoom.blockNumbers()[b];
                try {
                    int len = inflater.inflate(ch, fileSize, zoom.positions()[b], zoom.sizes()[b], m.name() + " " + bw);
                    records.decode(BinaryCursor.ofBytes(inflater.buffer(), len, m.name() + " " + bw + " at offset "
                            + zoom.positions()[b] + ", inflated"), m.version());
                } catch (ReaderException e) {
                    if (bad++ < MAX_EXAMPLES) {
                        sink.report(true, bw, "does not decode: " + e.getMessage());
                    }
                    continue;
                }
                total += records.size;
                dropped += records.dropped;
                int number = zoom.blockNumbers()[b];
                boolean blockPastEnd = false;
                for (int k = 0; k < records.size; k++) {
                    int x = records.binX[k];
                    int y = records.binY[k];
                    float v = records.counts[k];
                    if (!Float.isFinite(v) || v < 0) {
                        oddCounts++;
                    }
                    if (n1 >= 0 && (x >= n1 || y >= n2)) {
                        pastEnd++;
                        blockPastEnd = true;
                        if (firstPastEnd == null) {
                            firstPastEnd = "block " + number + " record (" + x + ", " + y + ")";
                        }
                        continue; // dropped by every reader: where it sits does not matter
                    }
                    BlockSelector.Rect cell = new BlockSelector.Rect(x, x + 1L, y, y + 1L);
                    boolean inBlock = rotated ? BlockSelector.meetsRotated(zoom, number, cell)
                            : BlockSelector.meetsGrid(zoom, number, cell);
                    if (!inBlock && number >= 0) {
                        misplaced++;
                        if (firstMisplaced == null) {
                            firstMisplaced = "block " + number + " record (" + x + ", " + y + ")";
                        }
                    }
                }
                if (blockPastEnd) {
                    pastEndBlocks++;
                }
            }
            if (bad > MAX_EXAMPLES) {
                sink.report(true, z, bad + " blocks do not decode in all");
            }
            if (pastEnd > 0) {
                sink.report(false, z, pastEnd + " of " + total + " records (in " + pastEndBlocks + " blocks, first "
                        + firstPastEnd + ") lie past the end of the chromosomes (" + n1 + " x " + n2
                        + " bins); Juicer writes such records, readers drop them");
            }
            if (dropped > 0) {
                sink.report(true, z, dropped + " records have a negative bin");
            }
            if (misplaced > 0) {
                sink.report(true, z, misplaced + " of " + total + " records (first " + firstMisplaced
                        + ") lie outside the footprint of their block number: queries would miss them");
            }
            if (oddCounts > 0) {
                sink.report(false, z, oddCounts + " records have a negative or non-finite count");
            }
        }

        private void vector(NormVectorEntry v, String where) {
            if (v.chrIdx() < 0 || v.chrIdx() >= chroms.size()) {
                sink.report(true, where, "chromosome index " + v.chrIdx() + " outside the " + chroms.size()
                        + " chromosomes of the header");
                return;
            }
            List<Integer> listed = resolutions(v.unit());
            if (listed == null) {
                sink.report(true, where, "unknown unit '" + v.unit() + "' (expected BP or FRAG)");
                return;
            }
            if (v.binSize() <= 0) {
                sink.report(true, where, "bin size " + v.binSize() + " is not positive");
                return;
            }
            if (!listed.contains(v.binSize())) {
                sink.report(false, where, "resolution not listed in the header: the vector is never used");
            }
            int valueBytes = m.version() >= 9 ? 4 : 8;
            BinaryCursor in = BinaryCursor.ofChannel(ch, m.name() + " " + where, v.position(), v.position() + v.nBytes());
            long nValues = m.version() >= 9 ? in.int64("nValues") : in.int32("nValues");
            if (nValues < 0 || nValues > in.remaining() / valueBytes) {
                sink.report(true, where, nValues + " values do not fit in the " + v.nBytes() + " bytes of the vector at "
                        + "offset " + v.position());
                return;
            }
            long bins = bins(v.chrIdx(), v.unit(), v.binSize());
            if (bins < 0) {
                return;
            }
            String chrom = chroms.get(v.chrIdx()).name();
            if (nValues < bins) {
                sink.report(true, where, "has " + nValues + " values for the " + bins + " bins of " + chrom
                        + ": the last bins would read as NaN");
            }
            // longer vectors are common (Juicer writes a few extra values) and harmless: the extra values are unused
        }
    }
}
