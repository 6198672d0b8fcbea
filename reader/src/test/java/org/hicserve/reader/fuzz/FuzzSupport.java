package org.hicserve.reader.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.ValidationReport;

/**
 * What the file fuzzers do with each input. The contract under test: any input either reads or fails with a
 * {@link ReaderException}; no other exception, no hang, no OutOfMemoryError (surefire's -Xmx1g), and the validator
 * never throws and never reports an internal error.
 */
final class FuzzSupport {
    /** Resolutions, chromosomes and pixels read per input: enough to reach every code path, bounded in time. */
    private static final int MAX_RESOLUTIONS = 3;
    private static final int MAX_CHROMOSOMES = 3;
    private static final long MAX_PIXELS = 200_000;

    private static final ThreadLocal<Path> SCRATCH = new ThreadLocal<>();

    static {
        // the HDF5 parse deadline (cooler/HdfDeadline, 60 s by default): the seeds parse in milliseconds, and inputs
        // that make jHDF loop must be refused well within libFuzzer's -timeout
        if (System.getProperty("hicserve.reader.hdf5ParseSeconds") == null) {
            System.setProperty("hicserve.reader.hdf5ParseSeconds", "2");
        }
    }

    private FuzzSupport() {
    }

    /** One temporary file per thread and suffix, rewritten for each input (jHDF and the .hic reader read a Path). */
    static Path write(byte[] data, String suffix) {
        try {
            Path p = SCRATCH.get();
            if (p == null || !p.toString().endsWith(suffix)) {
                p = Files.createTempFile("hicserve-fuzz-", suffix);
                p.toFile().deleteOnExit();
                SCRATCH.set(p);
            }
            Files.write(p, data);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file every way a client can; returns normally when it reads or is refused with a ReaderException. */
    static void readEverything(Path p) {
        FileMetadata m;
        try {
            m = MatrixFiles.readMetadata(p);
        } catch (ReaderException e) {
            return;
        }
        List<Integer> resolutions = m.resolutions();
        for (int r = 0; r < Math.min(MAX_RESOLUTIONS, resolutions.size()); r++) {
            try (MatrixFile f = m.open(resolutions.get(r), null)) {
                f.normalizationsByResolution();
                List<Chromosome> chroms = f.chromosomes().chromosomes();
                List<String> norms = f.normalizations();
                int n = Math.min(MAX_CHROMOSOMES, chroms.size());
                for (int c = 0; c < n; c++) {
                    GenomicInterval whole = GenomicInterval.whole(chroms.get(c));
                    drain(f, PixelQuery.cis(whole));
                    String norm = norms.get(norms.size() - 1);
                    drain(f, PixelQuery.cis(whole).withSpan(QuerySpan.FULL).withNormalization(norm)
                            .withBatchRows(7));
                    if (whole.end() > 2) {
                        GenomicInterval part = new GenomicInterval(chroms.get(c), whole.end() / 3, whole.end() / 2 + 1);
                        drain(f, PixelQuery.of(part, whole).withDiagonalBandWidth(3));
                    }
                }
                if (n > 1) {
                    drain(f, PixelQuery.of(GenomicInterval.whole(chroms.get(n - 1)), GenomicInterval.whole(chroms.get(0))));
                    drain(f, PixelQuery.of(GenomicInterval.whole(chroms.get(0)), GenomicInterval.whole(chroms.get(1)))
                            .withNormalization(norms.get(norms.size() - 1)));
                }
            } catch (ReaderException e) {
                // refused: fine, as long as it is a ReaderException
            }
        }
    }

    private static void drain(MatrixFile f, PixelQuery q) {
        try (PixelSelector s = f.fetch(q)) {
            s.countType();
            long seen = 0;
            while (s.hasNext() && seen < MAX_PIXELS) {
                PixelBatch b = s.next();
                seen += b.size();
            }
        } catch (ReaderException e) {
            // refused
        }
    }

    /** Both validator entry points: they must never throw, and never blame themselves. */
    static void validate(Path p) {
        for (ValidationReport r : List.of(FileValidator.quickCheck(p), FileValidator.validate(p))) {
            if (r.internalErrors() > 0) {
                throw new AssertionError("validator bug on this input: " + r);
            }
        }
    }
}
