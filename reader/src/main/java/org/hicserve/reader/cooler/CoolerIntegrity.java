package org.hicserve.reader.cooler;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;
import org.hicserve.reader.io.source.RemoteReadException;

/**
 * Checks a .cool/.mcool file the way {@code hictk validate} does, without trusting any of it: attributes, chromosome
 * and bin tables against each other, the indexes ({@code chrom_offset}, {@code bin1_offset}) against the tables and
 * the pixel table, and optionally a full streaming scan of the pixels (sorted by bin1 then strictly increasing bin2,
 * upper triangle, ids inside the bin table, {@code bin1_id} equal to the row {@code bin1_offset} gives, counts
 * positive). The scan is what catches the invalid indexes of cooler &lt;= 0.8.3 {@code zoomify} (duplicate or
 * overlapping rows). Memory: the two index arrays plus one decoded chunk per column.
 *
 * <p>Problems go to a {@link Sink}, each with a location (an HDF5 path, with an element index where one applies) and
 * a message in words; nothing is thrown for anything the file contains. Stateless.
 */
public final class CoolerIntegrity {
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

    private static final int WINDOW = 64 * 1024;
    /** Problems of one kind reported one by one per group; the rest are counted in a summary line. */
    static final int MAX_EXAMPLES = 5;
    private static final Set<String> BIN_COORDINATES = Set.of("chrom", "chrom_id", "start", "end");

    private CoolerIntegrity() {
    }

    /**
     * Checks every cooler of the file (each resolution of an .mcool).
     *
     * @param scanPixels also read the whole pixel table (the expensive part); without it only the structure and the
     *     indexes are checked
     */
    public static void check(Path path, boolean scanPixels, Sink sink) {
        check(String.valueOf(path.getFileName()), path, LocalFileSource.opener(path), scanPixels, sink);
    }

    /** As {@link #check(Path, boolean, Sink)} for a file wherever its bytes are ({@code path} null: not local). */
    public static void check(String file, Path path, ByteSource.Opener opener, boolean scanPixels, Sink sink) {
        HdfDeadline deadline = new HdfDeadline();
        try (ByteSource ch = opener.open(); ChunkReader reader = new ChunkReader(ch, file)) {
            List<GroupCheck.PixelScan> scans = new ArrayList<>();
            // the structure, through jHDF, under a time limit (jHDF can loop on a corrupt file); then the pixel scans,
            // which take as long as the file is big, without one
            try (deadline; HdfFile h5 = CoolerMetadata.openHdf(ch, file, path)) {
                checkGroups(h5, file, ch.size(), reader, deadline, sink, scans);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                if (structureFailed(e, deadline, sink)) {
                    return;
                }
            }
            if (timedOut(deadline, sink)) {
                return;
            }
            if (scanPixels) {
                for (GroupCheck.PixelScan scan : scans) {
                    scan.run();
                }
            }
        } catch (IOException e) {
            sink.report(true, "/", "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The cheap check ({@link #check} without the pixel scan) of a file whose HDF5 structure {@link CoolerMetadata}
     * has open: the same problems, without opening the file or parsing its structure again. Runs under the
     * caller's deadline and reads the bin tables through the caller's source.
     */
    static void checkOpen(HdfFile h5, ByteSource source, String file, HdfDeadline deadline, Sink sink) {
        try (ChunkReader reader = new ChunkReader(source, file)) {
            checkGroups(h5, file, source.size(), reader, deadline, sink, new ArrayList<>());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (structureFailed(e, deadline, sink)) {
                return;
            }
        }
        timedOut(deadline, sink);
    }

    /**
     * The structural checks of every cooler group, each group's pixel scan added to {@code scans} (not run). A
     * group that cannot be read is reported and the next one checked; what escapes is a failure to list the groups,
     * or any failure once the deadline has passed.
     */
    private static void checkGroups(HdfFile h5, String file, long size, ChunkReader reader, HdfDeadline deadline,
            Sink sink, List<GroupCheck.PixelScan> scans) {
        for (var e : groups(h5, sink).entrySet()) {
            try {
                GroupCheck.PixelScan scan = new GroupCheck(h5, e.getKey(), e.getValue(), file, size, reader, sink).run();
                if (scan != null) {
                    scans.add(scan);
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError x) {
                if (deadline.expired()) {
                    throw x;
                }
                fail(sink, e.getKey(), "cannot be read: ", x);
            }
        }
    }

    /**
     * Reports what stopped the structural checks: the deadline (returns true: nothing more can be checked), or a file
     * jHDF cannot read.
     */
    private static boolean structureFailed(Throwable e, HdfDeadline deadline, Sink sink) {
        if (deadline.expired()) {
            sink.report(true, "/", CoolerMetadata.PARSE_TIMEOUT + " " + deadline.limit().toSeconds()
                    + " s (a cycle in a corrupt file?)");
            return true;
        }
        fail(sink, "/", "not a readable HDF5 file: ", e);
        return false;
    }

    /** Reports a deadline that passed while the structure was checked, though nothing failed; true when it did. */
    private static boolean timedOut(HdfDeadline deadline, Sink sink) {
        if (deadline.expired()) {
            sink.report(true, "/", CoolerMetadata.PARSE_TIMEOUT + " " + deadline.limit().toSeconds() + " s");
            return true;
        }
        return false;
    }

    /**
     * Reports a failure. A throwable that is neither a {@link ReaderException} nor raised inside jHDF (which signals
     * corruption with assorted runtime exceptions) is a bug of hicserve, not of the file: it goes to
     * {@link Sink#internalError} so that tests and fuzzing catch it.
     */
    static void fail(Sink sink, String location, String prefix, Throwable t) {
        RemoteReadException.rethrowIfRemote(t);
        if (t instanceof ReaderException) {
            sink.report(true, location, prefix + t.getMessage());
            return;
        }
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0 && st[0].getClassName().startsWith("org.hicserve.")) {
            sink.internalError(location, prefix + t); // a bug of ours: the class name helps whoever fixes it
        } else {
            sink.report(true, location, prefix + org.hicserve.reader.error.Causes.inWords(t));
        }
    }

    /** The cooler groups of the file and the resolution their name gives (0: none). */
    private static Map<String, Integer> groups(HdfFile h5, Sink sink) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, Node> children = h5.getChildren();
        String format = Attributes.string(h5, "format").orElse("");
        if (format.equals("HDF5::MCOOL") || children.containsKey("resolutions")) {
            Node res = children.get("resolutions");
            if (!(res instanceof Group g)) {
                sink.report(true, "/resolutions", "an .mcool file needs a /resolutions group");
                return out;
            }
            Map<Integer, String> sorted = new TreeMap<>();
            for (String name : g.getChildren().keySet()) {
                int r = positiveInt(name);
                if (r <= 0) {
                    sink.report(true, "/resolutions/" + name, "is not a resolution (a positive integer)");
                } else {
                    sorted.put(r, "/resolutions/" + name);
                }
            }
            if (sorted.isEmpty()) {
                sink.report(true, "/resolutions", "holds no resolution");
            }
            sorted.forEach((r, p) -> out.put(p, r));
        } else if (children.containsKey("pixels")) {
            out.put("/", 0);
        } else if (children.containsKey("0")) {
            for (String name : children.keySet()) {
                if (positiveInt(name) >= 0 && children.get(name) instanceof Group) {
                    out.put("/" + name, 0);
                }
            }
        } else {
            sink.report(true, "/", "HDF5 file but neither a .cool (no /pixels) nor an .mcool (no /resolutions)");
        }
        return out;
    }

    private static int positiveInt(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** Counts problems of one kind, reporting the first few and a summary of the rest. */
    private static final class Tally {
        private final Sink sink;
        private final boolean error;
        private final String location;
        private final String what;
        long count;
        long first = -1;

        Tally(Sink sink, boolean error, String location, String what) {
            this.sink = sink;
            this.error = error;
            this.location = location;
            this.what = what;
        }

        void add(long index, String message) {
            if (count++ < MAX_EXAMPLES) {
                sink.report(error, location + "[" + index + "]", message);
            }
            if (first < 0) {
                first = index;
            }
        }

        void close() {
            if (count > MAX_EXAMPLES) {
                sink.report(error, location, count + " " + what + " in all (first at index " + first + "; "
                        + MAX_EXAMPLES + " shown)");
            }
        }
    }

    /** The checks of one cooler group. */
    private static final class GroupCheck {
        private final HdfFile h5;
        private final String path;
        private final String prefix; // "" for the root cooler, else the group path
        private final int nameResolution;
        private final String file;
        private final long fileSize;
        private final ChunkReader reader;
        private final Sink sink;
        private boolean failed;

        GroupCheck(HdfFile h5, String path, int nameResolution, String file, long fileSize, ChunkReader reader,
                Sink sink) {
            this.h5 = h5;
            this.path = path;
            this.prefix = path.equals("/") ? "" : path;
            this.nameResolution = nameResolution;
            this.file = file;
            this.fileSize = fileSize;
            this.reader = reader;
            this.sink = sink;
        }

        private void error(String location, String message) {
            failed = true;
            sink.report(true, location, message);
        }

        private void warning(String location, String message) {
            sink.report(false, location, message);
        }

        private String loc(String rel) {
            return prefix + "/" + rel;
        }

        private Optional<Dataset> dataset(Group g, String rel) {
            Node n;
            try {
                n = g.getByPath(rel);
            } catch (RuntimeException e) {
                RemoteReadException.rethrowIfRemote(e);
                n = null;
            }
            if (!(n instanceof Dataset ds)) {
                error(loc(rel), n == null ? "missing" : "is not a dataset");
                return Optional.empty();
            }
            return Optional.of(ds);
        }

        private Optional<ColumnLayout> column(Group g, String rel) {
            Optional<Dataset> ds = dataset(g, rel);
            if (ds.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(ColumnLayout.of(ds.get(), file, fileSize));
            } catch (ReaderException e) {
                error(loc(rel), e.getMessage());
                return Optional.empty();
            }
        }

        private long[] longs(Group g, String rel) {
            Optional<Dataset> ds = dataset(g, rel);
            if (ds.isEmpty()) {
                return null;
            }
            try {
                return CoolerGroup.longs(ds.get(), file);
            } catch (ReaderException e) {
                error(loc(rel), e.getMessage());
                return null;
            }
        }

        /** The structural checks; returns the pixel scan to run afterwards, or null when the table is unusable. */
        PixelScan run() {
            Node node = path.equals("/") ? h5 : h5.getByPath(path);
            if (!(node instanceof Group g)) {
                error(path, "is not a group");
                return null;
            }
            // attributes
            Attributes.string(g, "format").ifPresent(f -> {
                if (!f.equals("HDF5::Cooler")) {
                    error(loc("@format"), "format attribute is '" + f + "', expected HDF5::Cooler");
                }
            });
            Attributes.string(g, "format-version").ifPresent(v -> {
                long n = Attributes.integer(g, "format-version").orElse(-1L);
                if (n < 1 || n > 3) {
                    error(loc("@format-version"), "format-version is '" + v + "', expected 1, 2 or 3");
                }
            });
            String binType = Attributes.string(g, "bin-type").orElse("fixed");
            if (!binType.equals("fixed") && !binType.equals("variable")) {
                error(loc("@bin-type"), "bin-type is '" + binType + "', expected fixed or variable");
            }
            String storageMode = Attributes.string(g, "storage-mode").orElse("symmetric-upper");
            boolean upper = storageMode.equals("symmetric-upper");
            if (storageMode.equals("square")) {
                warning(loc("@storage-mode"), "storage-mode=square: hicserve does not answer queries on it");
            } else if (!upper) {
                error(loc("@storage-mode"), "storage-mode is '" + storageMode + "', expected symmetric-upper or square");
            }
            long binSize = 0;
            if (binType.equals("fixed")) {
                binSize = Attributes.integer(g, "bin-size").orElse(0L);
                if (binSize <= 0 || binSize > Integer.MAX_VALUE) {
                    error(loc("@bin-size"), "bin-type=fixed needs a positive integer bin-size attribute, found "
                            + Attributes.string(g, "bin-size").orElse("none"));
                    binSize = 0;
                } else if (nameResolution > 0 && binSize != nameResolution) {
                    error(loc("@bin-size"), "bin-size=" + binSize + " but the group is named for resolution "
                            + nameResolution);
                }
            }

            // chromosomes
            String[] names = null;
            Optional<Dataset> nameDs = dataset(g, "chroms/name");
            if (nameDs.isPresent()) {
                try {
                    names = CoolerGroup.strings(nameDs.get(), file);
                } catch (ReaderException e) {
                    error(loc("chroms/name"), e.getMessage());
                }
            }
            long[] lengths = longs(g, "chroms/length");
            if (names == null || lengths == null) {
                return null;
            }
            if (names.length != lengths.length) {
                error(loc("chroms"), "chroms/name has " + names.length + " entries but chroms/length has " + lengths.length);
                return null;
            }
            int nChroms = names.length;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < nChroms; i++) {
                String n = names[i] == null ? "" : names[i].replace("\0", "").strip();
                if (n.isEmpty()) {
                    error(loc("chroms/name") + "[" + i + "]", "empty chromosome name");
                } else if (!seen.add(n)) {
                    error(loc("chroms/name") + "[" + i + "]", "chromosome " + n + " is listed twice");
                }
                if (lengths[i] < 0) {
                    error(loc("chroms/length") + "[" + i + "]", "chromosome " + n + " has negative length " + lengths[i]);
                } else if (lengths[i] == 0) {
                    warning(loc("chroms/length") + "[" + i + "]", "chromosome " + n + " has length 0");
                }
            }
            if (failed) {
                return null;
            }

            // bins and chrom_offset
            Optional<ColumnLayout> chromCol = column(g, "bins/chrom");
            Optional<ColumnLayout> startCol = column(g, "bins/start");
            Optional<ColumnLayout> endCol = column(g, "bins/end");
            long[] chromOffset = longs(g, "indexes/chrom_offset");
            if (chromCol.isEmpty() || startCol.isEmpty() || endCol.isEmpty() || chromOffset == null) {
                return null;
            }
            long nBins = startCol.get().length();
            if (chromCol.get().length() != nBins || endCol.get().length() != nBins) {
                error(loc("bins"), "bins/chrom, bins/start and bins/end have " + chromCol.get().length() + ", " + nBins
                        + " and " + endCol.get().length() + " rows: they must be equal");
                return null;
            }
            Attributes.integer(g, "nbins").ifPresent(n -> {
                if (n != nBins) {
                    error(loc("@nbins"), "nbins=" + n + " but the bin table has " + nBins + " rows");
                }
            });
            if (binSize > 0) {
                long expected = 0;
                for (long len : lengths) {
                    expected += (len + binSize - 1) / binSize;
                }
                if (expected != nBins) {
                    error(loc("bins"), "the bin table has " + nBins + " rows but the chromosome lengths at bin-size "
                            + binSize + " give " + expected);
                }
            }
            boolean offsetsOk = checkOffsets(chromOffset, nChroms + 1, nBins, "indexes/chrom_offset", "bins");
            if (offsetsOk && nBins < Integer.MAX_VALUE) {
                checkBins(chromCol.get(), startCol.get(), endCol.get(), nBins, lengths, chromOffset, binSize, names);
            }

            // weights
            try {
                Node binsGroup = g.getByPath("bins");
                if (binsGroup instanceof Group bg) {
                    for (Node child : bg.getChildren().values()) {
                        if (child instanceof Dataset ds && !BIN_COORDINATES.contains(child.getName())) {
                            Class<?> type = ds.getJavaType();
                            if ((type == double.class || type == float.class) && ds.getDimensionsAsLong()[0] != nBins) {
                                error(loc("bins/" + child.getName()), "weight column has " + ds.getDimensionsAsLong()[0]
                                        + " values for " + nBins + " bins");
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                RemoteReadException.rethrowIfRemote(e);
                error(loc("bins"), "cannot list the weight columns: " + org.hicserve.reader.error.Causes.inWords(e));
            }

            // pixels and bin1_offset
            Optional<ColumnLayout> bin1 = column(g, "pixels/bin1_id");
            Optional<ColumnLayout> bin2 = column(g, "pixels/bin2_id");
            Optional<ColumnLayout> count = column(g, "pixels/count");
            long[] bin1Offset = longs(g, "indexes/bin1_offset");
            if (bin1.isEmpty() || bin2.isEmpty() || count.isEmpty() || bin1Offset == null) {
                return null;
            }
            long nnz = bin2.get().length();
            if (bin1.get().length() != nnz || count.get().length() != nnz) {
                error(loc("pixels"), "pixels/bin1_id, pixels/bin2_id and pixels/count have " + bin1.get().length()
                        + ", " + nnz + " and " + count.get().length() + " rows: they must be equal");
                return null;
            }
            if (bin1.get().isFloat() || bin2.get().isFloat()) {
                error(loc("pixels"), "bin ids are stored as floats");
                return null;
            }
            Attributes.integer(g, "nnz").ifPresent(n -> {
                if (n != nnz) {
                    error(loc("@nnz"), "nnz=" + n + " but the pixel table has " + nnz + " rows");
                }
            });
            boolean indexOk = checkOffsets(bin1Offset, nBins + 1, nnz, "indexes/bin1_offset", "pixels");
            return new PixelScan(bin1.get(), bin2.get(), count.get(), indexOk ? bin1Offset : null, nBins, upper);
        }

        /**
         * {@code offsets} must have {@code expectedLength} entries, start at 0, never decrease and end at
         * {@code expectedLast}; every violation is reported.
         */
        private boolean checkOffsets(long[] offsets, long expectedLength, long expectedLast, String rel, String of) {
            String location = loc(rel);
            boolean ok = true;
            if (offsets.length != expectedLength) {
                error(location, "has " + offsets.length + " entries, expected " + expectedLength);
                ok = false;
            }
            if (offsets.length == 0) {
                return false;
            }
            if (offsets[0] != 0) {
                error(location + "[0]", "is " + offsets[0] + ", expected 0");
                ok = false;
            }
            Tally decreasing = new Tally(sink, true, location, "decreasing entries");
            Tally outside = new Tally(sink, true, location, "entries outside 0.." + expectedLast);
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] < 0 || offsets[i] > expectedLast) {
                    outside.add(i, "is " + offsets[i] + ", outside the " + expectedLast + " rows of " + prefix + "/" + of);
                }
                if (i > 0 && offsets[i] < offsets[i - 1]) {
                    decreasing.add(i, "is " + offsets[i] + " after " + offsets[i - 1]
                            + ": an index must not decrease (corrupt index)");
                }
            }
            decreasing.close();
            outside.close();
            if (decreasing.count + outside.count > 0) {
                failed = true;
                ok = false;
            }
            if (offsets[offsets.length - 1] != expectedLast) {
                error(location + "[" + (offsets.length - 1) + "]", "the last entry is " + offsets[offsets.length - 1]
                        + " but " + prefix + "/" + of + " has " + expectedLast + " rows");
                ok = false;
            }
            return ok;
        }

        /** Every bin's chromosome, start and end against the chromosome table, chrom_offset and bin-size. */
        private void checkBins(ColumnLayout chromCol, ColumnLayout startCol, ColumnLayout endCol, long nBins,
                long[] lengths, long[] chromOffset, long binSize, String[] names) {
            Tally badChrom = new Tally(sink, true, loc("bins/chrom"), "bins on the wrong chromosome");
            Tally badCoords = new Tally(sink, true, loc("bins/start"), "bins with wrong coordinates");
            long[] c = new long[WINDOW];
            long[] s = new long[WINDOW];
            long[] e = new long[WINDOW];
            int chrom = 0;
            long prevEnd = 0;
            for (long from = 0; from < nBins; from += WINDOW) {
                int n = (int) Math.min(WINDOW, nBins - from);
                reader.readLongs(chromCol, from, n, c, 0);
                reader.readLongs(startCol, from, n, s, 0);
                reader.readLongs(endCol, from, n, e, 0);
                for (int k = 0; k < n; k++) {
                    long i = from + k;
                    while (chrom < lengths.length && i >= chromOffset[chrom + 1]) {
                        chrom++;
                        prevEnd = 0;
                    }
                    if (chrom >= lengths.length || c[k] != chrom) {
                        badChrom.add(i, "bin " + i + " is on chromosome " + c[k] + " but indexes/chrom_offset puts it on "
                                + (chrom < names.length ? chrom + " (" + names[chrom] + ")" : "none"));
                        continue;
                    }
                    long len = lengths[chrom];
                    boolean ok;
                    String expected;
                    if (binSize > 0) {
                        long st = (i - chromOffset[chrom]) * binSize;
                        long en = Math.min(st + binSize, len);
                        ok = s[k] == st && e[k] == en;
                        expected = st + "-" + en;
                    } else {
                        ok = s[k] == prevEnd && e[k] > s[k] && e[k] <= len
                                && (i + 1 < chromOffset[chrom + 1] || e[k] == len);
                        expected = "a bin starting at " + prevEnd + " and ending after it, by " + len + " at most";
                    }
                    if (!ok) {
                        badCoords.add(i, "bin " + i + " of " + names[chrom] + " is " + s[k] + "-" + e[k] + ", expected "
                                + expected);
                    }
                    prevEnd = e[k];
                }
            }
            badChrom.close();
            badCoords.close();
            if (badChrom.count + badCoords.count > 0) {
                failed = true;
            }
        }

        /** The streaming scan of the pixel table. */
        private final class PixelScan {
            private final ColumnLayout bin1;
            private final ColumnLayout bin2;
            private final ColumnLayout count;
            private final long[] offsets; // null: bin1_offset is unusable, rows come from bin1_id alone
            private final long nBins;
            private final boolean upper;

            PixelScan(ColumnLayout bin1, ColumnLayout bin2, ColumnLayout count, long[] offsets, long nBins,
                    boolean upper) {
                this.bin1 = bin1;
                this.bin2 = bin2;
                this.count = count;
                this.offsets = offsets;
                this.nBins = nBins;
                this.upper = upper;
            }

            void run() {
                String b1loc = loc("pixels/bin1_id");
                String b2loc = loc("pixels/bin2_id");
                String cloc = loc("pixels/count");
                Tally range = new Tally(sink, true, b2loc, "pixels with a bin id outside the bin table");
                Tally wrongRow = new Tally(sink, true, b1loc,
                        "pixels whose bin1_id differs from the row indexes/bin1_offset gives");
                Tally unsorted = new Tally(sink, true, b2loc, "pixels out of order");
                Tally duplicate = new Tally(sink, true, b2loc, "duplicate pixels");
                Tally lower = new Tally(sink, true, b2loc, "pixels in the lower triangle");
                Tally negative = new Tally(sink, true, cloc, "negative or non-finite counts");
                Tally zero = new Tally(sink, false, cloc, "zero counts");
                boolean floats = count.isFloat();
                long nnz = bin2.length();
                long[] a = new long[WINDOW];
                long[] b = new long[WINDOW];
                long[] v = floats ? null : new long[WINDOW];
                double[] d = floats ? new double[WINDOW] : null;
                long row = 0;
                long prev1 = -1;
                long prev2 = -1;
                try {
                    for (long from = 0; from < nnz; from += WINDOW) {
                        int n = (int) Math.min(WINDOW, nnz - from);
                        reader.readLongs(bin1, from, n, a, 0);
                        reader.readLongs(bin2, from, n, b, 0);
                        if (floats) {
                            reader.readDoubles(count, from, n, d, 0);
                        } else {
                            reader.readLongs(count, from, n, v, 0);
                        }
                        for (int k = 0; k < n; k++) {
                            long p = from + k;
                            long b1 = a[k];
                            long b2 = b[k];
                            if (b1 < 0 || b1 >= nBins || b2 < 0 || b2 >= nBins) {
                                range.add(p, "pixel " + p + " is (" + b1 + ", " + b2 + "), outside the " + nBins + " bins");
                            }
                            if (offsets != null) {
                                while (row < nBins && p >= offsets[(int) row + 1]) {
                                    row++;
                                }
                                if (b1 != row) {
                                    wrongRow.add(p, "pixel " + p + " has bin1_id " + b1 + " but indexes/bin1_offset puts it"
                                            + " in row " + row + " (invalid index, as cooler <= 0.8.3 zoomify wrote)");
                                }
                            }
                            if (p > 0) {
                                if (b1 == prev1 && b2 == prev2) {
                                    duplicate.add(p, "pixels " + (p - 1) + " and " + p + " are both (" + b1 + ", " + b2 + ")");
                                } else if (b1 < prev1 || (b1 == prev1 && b2 < prev2)) {
                                    unsorted.add(p, "pixel " + p + " (" + b1 + ", " + b2 + ") comes after (" + prev1 + ", "
                                            + prev2 + "): the table must be sorted by bin1_id then bin2_id");
                                }
                            }
                            if (upper && b2 < b1) {
                                lower.add(p, "pixel " + p + " (" + b1 + ", " + b2
                                        + ") is below the diagonal of a symmetric-upper matrix");
                            }
                            if (floats) {
                                double x = d[k];
                                if (!(x >= 0) || Double.isInfinite(x)) {
                                    negative.add(p, "pixel " + p + " has count " + x);
                                } else if (x == 0) {
                                    zero.add(p, "pixel " + p + " has count 0 (cooler stores non-zero pixels only)");
                                }
                            } else if (v[k] < 0 && count.kind() == ColumnLayout.ElementKind.SIGNED_INT) {
                                negative.add(p, "pixel " + p + " has count " + v[k]);
                            } else if (v[k] == 0) {
                                zero.add(p, "pixel " + p + " has count 0 (cooler stores non-zero pixels only)");
                            }
                            prev1 = b1;
                            prev2 = b2;
                        }
                    }
                } catch (ReaderException e) {
                    error(loc("pixels"), "the pixel table cannot be read to the end: " + e.getMessage());
                }
                for (Tally t : List.of(range, wrongRow, unsorted, duplicate, lower, negative, zero)) {
                    t.close();
                }
                if (offsets == null) {
                    warning(loc("indexes/bin1_offset"), "unusable, so the pixels were not checked against it");
                }
            }
        }
    }
}
