package org.hicserve.service.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.service.expected.CountTypes;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PixelSink;
import org.hicserve.service.format.PixelTable;
import org.hicserve.service.format.Sinks;
import org.hicserve.service.plan.PixelRequest;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.remote.RemoteFiles;

/**
 * {@code hicserve.jar dump FILE --resolution R --range Q [--range2 Q] [--normalization N] [--join]
 * [--query-span full] [--diagonal-band-width B] [--unit BP|FRAG] [--format tsv|arrow|json]
 * [--matrix-type observed|expected|oe] [--count-type int|float]}: prints what the pixels endpoint would answer, like {@code hictk dump}. Exit codes: 0 done, 2 bad usage or query, 3 unknown
 * name, 4 unreadable file.
 */
public final class DumpCommand {
    private static final Set<String> FLAGS = Set.of("--join");
    private static final String USAGE = "usage: hicserve.jar dump FILE[::/resolutions/N] --resolution R --range Q "
            + "[--range2 Q] [--normalization N] [--join] [--query-span upper|full] [--diagonal-band-width B] "
            + "[--unit BP|FRAG] [--format tsv|arrow|json] [--matrix-type observed|expected|oe] [--count-type int|float]";

    private DumpCommand() {
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Map<String, String> opts = new HashMap<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                stdout.println(USAGE);
                return 0;
            }
            if (FLAGS.contains(a)) {
                opts.put(a, "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    stderr.println("missing value for " + a + "\n" + USAGE);
                    return 2;
                }
                opts.put(a, args[++i]);
            } else if (file == null) {
                file = a;
            } else {
                stderr.println("unexpected argument '" + a + "'\n" + USAGE);
                return 2;
            }
        }
        if (file == null || !opts.containsKey("--range")) {
            stderr.println(USAGE);
            return 2;
        }
        try {
            OutputFormat format = OutputFormat.parse(opts.getOrDefault("--format", "tsv"))
                    .orElseThrow(() -> new InvalidQueryException("--format must be tsv, arrow or json"));
            int resolution = Integer.parseInt(opts.getOrDefault("--resolution", "0").replace(",", ""));
            MatrixUnit unit = opts.containsKey("--unit") ? MatrixUnit.parse(opts.get("--unit")) : null;
            PixelRequest request = new PixelRequest(opts.get("--range"), opts.get("--range2"),
                    opts.getOrDefault("--normalization", "NONE"), opts.containsKey("--join"),
                    QuerySpan.parse(opts.getOrDefault("--query-span", "upper_triangle")),
                    Long.parseLong(opts.getOrDefault("--diagonal-band-width", "0")), format);
            MatrixType matrixType = MatrixType.parse(opts.get("--matrix-type"));
            CountType countType = CountTypes.parse(opts.get("--count-type"));
            OutputStream out = new BufferedOutputStream(stdout, 1 << 20);
            try (MatrixFile f = open(file, resolution, unit)) {
                dump(f, request, matrixType, countType, out);
            }
            out.flush();
            return 0;
        } catch (NumberFormatException e) {
            stderr.println("not a number: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (UnknownNameException e) {
            stderr.println("error: " + e.getMessage());
            return 3;
        } catch (InvalidQueryException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        } catch (ReaderException e) {
            stderr.println("error: " + e.getMessage());
            return 4;
        } catch (IOException | java.io.UncheckedIOException e) {
            stderr.println("error: " + e.getMessage());
            return 4;
        }
    }

    private static MatrixFile open(String file, int resolution, MatrixUnit unit) {
        if (RemoteFiles.isRemote(file)) { // s3://bucket/key, https://host/path/file[::/resolutions/N]
            int sep = file.indexOf("::");
            FileRef ref = RemoteFiles.commandLineFile(sep < 0 ? file : file.substring(0, sep));
            return (sep < 0 ? MatrixFiles.readMetadata(ref.fileName(), null, ref.opener())
                    : CoolerMetadata.read(ref.fileName(), null, ref.opener(), file.substring(sep + 2)))
                    .open(resolution, unit);
        }
        if (file.contains("::")) {
            return CoolerFile.open(file, resolution);
        }
        return MatrixFiles.readMetadata(Path.of(file)).open(resolution, unit);
    }

    /** Writes one query's answer; returns the number of rows. */
    public static long dump(MatrixFile f, PixelRequest request, OutputStream out) throws IOException {
        return dump(f, request, MatrixType.OBSERVED, null, out);
    }

    /**
     * Writes one query's answer as {@code matrixType} asks (expected values: the .hic's stored vectors, or computed
     * from the cooler's pixels first), raw counts typed as {@code countType} (null: the file's own); returns rows.
     */
    public static long dump(MatrixFile f, PixelRequest request, MatrixType matrixType, CountType countType,
            OutputStream out) throws IOException {
        String normalization = f.normalization(request.normalization()).name();
        PixelTask task = new PixelTask(request.range1(), request.range2(), request.span(), request.diagonalBandWidth());
        PixelQuery query = task.query(f, normalization, 262_144).withCountType(countType);
        Expected expected = matrixType == MatrixType.OBSERVED ? null : Expectations.of(f, normalization);
        try (PixelSelector selector = Expectations.fetch(f, query, matrixType, expected);
                BufferAllocator allocator = new RootAllocator()) {
            PixelTable table = new PixelTable(request.join(), selector.countType(), f.bins(),
                    Map.of("hicserve.file", f.name(),
                            "hicserve.resolution", Integer.toString(f.resolution()),
                            "hicserve.normalization", normalization));
            long rows = 0;
            try (PixelSink sink = Sinks.create(request.format(), out, table, allocator)) {
                sink.begin();
                while (selector.hasNext()) {
                    PixelBatch b = selector.next();
                    sink.write(b);
                    rows += b.size();
                }
                sink.finish();
            }
            return rows;
        }
    }
}
