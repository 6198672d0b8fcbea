package org.hicserve.reader.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.cooler.CoolerIntegrity;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.hic.HicIntegrity;
import org.hicserve.reader.hic.HicMetadata;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.reader.model.FileFormat;

/**
 * Checks a .hic, .cool or .mcool file the way {@code hictk validate} does, trusting nothing in it, and reports every
 * problem found with its location instead of stopping at the first.
 *
 * <ul>
 * <li><b>.hic</b>: header and footer parse (a truncated file fails here: its footer is gone); every master-index
 * entry, zoom header and block-index entry (block positions and sizes inside the file); with {@link #validate}, every
 * block of every matrix at every resolution inflates and decodes, its records lie inside the chromosomes (records
 * past the end are a WARNING: Juicer writes some) and inside the footprint of their block number; every
 * normalization vector is inside the file with a length consistent with the chromosome's bin count.</li>
 * <li><b>.cool / .mcool</b> (every resolution): attributes; chromosome table; bin table against the chromosomes,
 * {@code bin-size} and {@code indexes/chrom_offset}; {@code indexes/bin1_offset} (length, starts at 0, never
 * decreases, ends at nnz); pixel columns of one length; weight columns of nbins values; and with {@link #validate}
 * a streaming scan of the whole pixel table: ids inside the bin table, {@code bin1_id} equal to the row
 * {@code bin1_offset} gives (the invalid indexes of cooler &lt;= 0.8.3 zoomify), sorted by bin1 then strictly
 * increasing bin2 (no duplicates), upper triangle for symmetric-upper files, counts positive. Finally the file must
 * open with the reader itself.</li>
 * </ul>
 *
 * <p>Never throws for anything a file contains: every failure becomes a {@link Problem}. Stateless and thread-safe.
 */
public final class FileValidator {
    /** Prefix of the message of a problem that is a bug of the validator, not of the file. */
    public static final String INTERNAL_ERROR = CoolerIntegrity.INTERNAL_ERROR;

    /** Collects problems and counts the validator's own failures. */
    private static final class Collector implements CoolerIntegrity.Sink, HicIntegrity.Sink {
        final List<Problem> problems = new ArrayList<>();
        int internal;

        @Override
        public void report(boolean error, String location, String message) {
            problems.add(new Problem(error ? Problem.Severity.ERROR : Problem.Severity.WARNING, location, message));
        }

        @Override
        public void internalError(String location, String message) {
            internal++;
            problems.add(Problem.error(location, INTERNAL_ERROR + ": " + message));
        }
    }

    private FileValidator() {
    }

    /** The full check: structure, indexes, and every block or pixel. Reads the whole file once. */
    public static ValidationReport validate(Path path) {
        return check(String.valueOf(path.getFileName()), path, LocalFileSource.opener(path), true);
    }

    /**
     * The full check of a file wherever its bytes are ({@code path} null: not local). A remote store's failure is
     * thrown (an {@link java.io.UncheckedIOException} caused by a {@link RemoteReadException}), never reported as
     * a problem of the file.
     */
    public static ValidationReport validate(String name, Path path, ByteSource.Opener opener) {
        return check(name, path, opener, true);
    }

    /** The cheap check of {@link #quickCheck(Path)} for a file wherever its bytes are. */
    public static ValidationReport quickCheck(String name, Path path, ByteSource.Opener opener) {
        return check(name, path, opener, false);
    }

    /**
     * The cheap check a server can afford when it first opens a file: what metadata loading checks plus the block
     * indexes (.hic) or the bin table and chunk indexes (.cool), without decoding blocks or scanning pixels.
     */
    public static ValidationReport quickCheck(Path path) {
        return check(String.valueOf(path.getFileName()), path, LocalFileSource.opener(path), false);
    }

    /** A file's metadata and its cheap check ({@link #quickCheck(Path)}), both from one parse of the file. */
    public record Checked(FileMetadata metadata, ValidationReport report) {
    }

    /**
     * Parses a file's metadata (as {@link MatrixFiles#readMetadata(String, Path, ByteSource.Opener)} does) and runs
     * the cheap check on it, as a server does when it first opens a file. The check opens and parses nothing more:
     * the .hic check works on the parsed metadata, the cooler check on the HDF5 structure the parse has open (see
     * {@link CoolerMetadata#readChecked}). A file that does not parse throws as {@code readMetadata} does; a
     * remote store's failure is thrown, never reported.
     */
    public static Checked readChecked(String name, Path path, ByteSource.Opener opener) {
        Collector problems = new Collector();
        FileMetadata metadata = switch (MatrixFiles.sniff(name, opener)) {
            case HIC -> {
                HicMetadata hic = HicMetadata.read(name, path, opener);
                try {
                    HicIntegrity.check(hic, false, problems);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    RemoteReadException.rethrowIfRemote(e);
                    problems.internalError("file", e.toString());
                }
                yield hic;
            }
            case HDF5 -> CoolerMetadata.readChecked(name, path, opener, problems);
        };
        return new Checked(metadata,
                new ValidationReport(metadata.path(), metadata.format(), problems.problems, problems.internal));
    }

    private static ValidationReport check(String name, Path path, ByteSource.Opener opener, boolean full) {
        Collector problems = new Collector();
        FileFormat format = null;
        try {
            switch (MatrixFiles.sniff(name, opener)) {
                case HIC -> {
                    format = FileFormat.HIC;
                    checkHic(name, path, opener, full, problems);
                }
                case HDF5 -> format = checkCooler(name, path, opener, full, problems);
            }
        } catch (java.io.UncheckedIOException e) {
            RemoteReadException.rethrowIfRemote(e);
            problems.report(true, "file", "cannot read the file: " + e.getCause().getMessage());
        } catch (MalformedFileException e) {
            String m = e.getMessage();
            problems.report(true, "file", m.contains(": neither") ? m.substring(m.indexOf(": neither") + 2) : m);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            RemoteReadException.rethrowIfRemote(e);
            problems.internalError("file", e.toString());
        }
        return new ValidationReport(path, format, problems.problems, problems.internal);
    }

    private static void checkHic(String name, Path path, ByteSource.Opener opener, boolean full, Collector problems) {
        HicMetadata m;
        try {
            m = HicMetadata.read(name, path, opener);
        } catch (ReaderException e) {
            problems.report(true, "header/footer", "cannot be read: " + e.getMessage());
            return;
        }
        HicIntegrity.check(m, full, problems);
    }

    private static FileFormat checkCooler(String name, Path path, ByteSource.Opener opener, boolean full,
            Collector problems) {
        FileFormat format = name.toLowerCase(Locale.ROOT).endsWith(".mcool") ? FileFormat.MCOOL : FileFormat.COOL;
        ReaderException refused = null;
        try {
            format = CoolerMetadata.read(name, path, opener, null).format();
        } catch (ReaderException e) {
            refused = e;
        }
        if (refused != null && CoolerMetadata.isParseTimeout(refused)) {
            problems.report(true, "/", refused.getMessage());
            return format; // the structure cannot be parsed: checking it again would only wait as long again
        }
        CoolerIntegrity.check(name, path, opener, full, problems);
        if (refused != null && problems.problems.stream().noneMatch(Problem::isError)) {
            problems.report(true, "/", "the reader refuses the file: " + refused.getMessage());
        }
        return format;
    }
}
