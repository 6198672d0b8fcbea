package org.hicserve.service.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.error.ServiceException;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.expected.ExpectedService;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PixelTable;
import org.hicserve.service.plan.CisCall;
import org.hicserve.service.plan.PixelRequest;
import org.hicserve.service.plan.PixelsCall;

/**
 * Makes the one {@link QueryPlan} of a request, checking every rule before anything is read: the file and the
 * caller's access to it, the resolution and unit, the regions or chromosomes, the normalization (one rule for
 * every endpoint and both formats: {@link Normalization}), the limits of the chosen format, and the executor
 * (for {@code executor=auto}, chosen per request from the pixels the file's indexes let it estimate).
 * Thread-safe: it opens a handle of its own for the checks and closes it before returning.
 */
public final class QueryPlanner {
    private final DataSource dataSource;
    private final MetadataCache metadataCache;
    private final ReaderHandles handles;
    private final HicServeProperties properties;
    private final boolean processesAvailable;
    private final ExpectedService expectedService;
    private final MeterRegistry registry;

    /** As the full constructor, counting its choices in a registry of its own. */
    public QueryPlanner(DataSource dataSource, MetadataCache metadataCache, ReaderHandles handles,
            HicServeProperties properties, boolean processesAvailable, ExpectedService expectedService) {
        this(dataSource, metadataCache, handles, properties, processesAvailable, expectedService, new SimpleMeterRegistry());
    }

    /** @param registry where {@code hicserve.executor.chosen} counts the executor of every cis plan */
    public QueryPlanner(DataSource dataSource, MetadataCache metadataCache, ReaderHandles handles,
            HicServeProperties properties, boolean processesAvailable, ExpectedService expectedService,
            MeterRegistry registry) {
        this.registry = registry;
        this.expectedService = expectedService;
        this.dataSource = dataSource;
        this.metadataCache = metadataCache;
        this.handles = handles;
        this.properties = properties;
        this.processesAvailable = processesAvailable;
    }

    /** A {@code pixels} request: one task, the region pair asked. */
    public QueryPlan pixels(PixelsCall call, Access access) {
        return pixels(call, access, MatrixType.OBSERVED, null);
    }

    /** As {@link #pixels(PixelsCall, Access)}, with a matrix type and a count type for raw counts (null: the file's). */
    public QueryPlan pixels(PixelsCall call, Access access, MatrixType matrixType, CountType countType) {
        PixelRequest req = call.request();
        if (req.range1() == null || req.range1().isBlank()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'range1' is required (e.g. chr1 or chr1:0-5,000,000)");
        }
        FileRef ref = dataSource.file(call.file(), access);
        FileMetadata meta = metadataCache.get(ref);
        try (MatrixFile f = open(meta, call.resolution(), call.unit())) {
            Normalization normalization = f.normalization(req.normalization());
            QuerySpan span = req.format().isDense() ? QuerySpan.FULL : req.span(); // a matrix has both triangles
            PixelTask task = new PixelTask(req.range1(), req.range2(), span, req.diagonalBandWidth());
            PixelQuery query = task.query(f, normalization.name(), properties.batchRows());
            BinRange rows = f.bins().overlapping(query.range1());
            BinRange columns = f.bins().overlapping(query.range2());
            checkSpan(Math.max(rows.size(), columns.size()));
            Optional<QueryPlan.DenseRegion> dense = Optional.empty();
            if (req.format().isDense()) {
                dense = Optional.of(denseRegion(rows, columns, req.format()));
            }
            String description = "range1=" + req.range1() + (req.range2() == null ? "" : " range2=" + req.range2())
                    + " resolution=" + f.resolution() + " normalization=" + normalization.name();
            MatrixType type = matrixType == null ? MatrixType.OBSERVED : matrixType;
            return new QueryPlan("pixels", call.file(), meta, f.resolution(), unit(call.unit()), normalization, List.of(task),
                    table(f, call.file(), normalization, req.join(), type, countType), req.format(), Executor.THREADS, dense,
                    description + matrixTypeWords(type), type, countType, expected(ref, f, call.unit(), normalization, type));
        }
    }

    /** A {@code cis} request: one task per chosen chromosome, in file order. */
    public QueryPlan cis(CisCall call, Access access) {
        return cis(call, access, MatrixType.OBSERVED, null);
    }

    /**
     * As {@link #cis(CisCall, Access)}, with a matrix type and a count type for raw counts (null: the file's).
     * {@code executor=auto} is resolved here, per request ({@link #auto}); every cis plan counts its executor in
     * {@code hicserve.executor.chosen} and names it in its description (the request log line).
     */
    public QueryPlan cis(CisCall call, Access access, MatrixType matrixType, CountType countType) {
        MatrixType type = matrixType == null ? MatrixType.OBSERVED : matrixType;
        Executor requested = executor(call.executor());
        if (requested == Executor.PROCESSES && (type != MatrixType.OBSERVED || countType != null)) {
            throw ServiceException.badRequest("invalid_parameter", "matrix_type and count_type are answered with "
                    + "executor=threads only");
        }
        if (call.format().isDense()) {
            throw ServiceException.badRequest("invalid_parameter", "format=" + call.format().apiName()
                    + " is for pixels of one region; cis answers come as arrow, tsv or json");
        }
        FileRef ref = dataSource.file(call.file(), access);
        if (requested == Executor.PROCESSES && ref.localPath() == null) {
            throw ServiceException.badRequest("unsupported_executor", "executor=processes reads local files only; '"
                    + call.file() + "' is in " + dataSource.describe() + ": use executor=threads");
        }
        FileMetadata meta = metadataCache.get(ref);
        try (MatrixFile f = open(meta, call.resolution(), call.unit())) {
            Normalization normalization = f.normalization(call.normalization());
            List<Chromosome> chromosomes = select(f.chromosomes(), call.chromosomes());
            List<PixelTask> tasks = chromosomes.stream().map(c -> PixelTask.cis(c.name())).toList();
            Choice choice = requested == Executor.AUTO ? auto(ref, f, chromosomes, type, countType)
                    : new Choice(requested, "");
            chosen(choice.executor(), requested);
            String description = "chromosomes=" + (call.chromosomes().isEmpty() ? "all" : String.join(",", call.chromosomes()))
                    + " resolution=" + f.resolution() + " normalization=" + normalization.name()
                    + " executor=" + choice.executor().apiName() + choice.why();
            return new QueryPlan("cis", call.file(), meta, f.resolution(), unit(call.unit()), normalization, tasks,
                    table(f, call.file(), normalization, call.join(), type, countType), call.format(), choice.executor(),
                    Optional.empty(), description + matrixTypeWords(type), type, countType,
                    expected(ref, f, call.unit(), normalization, type));
        }
    }

    /** The executor a cis plan runs on, and for {@code auto} why (" (auto: ...)", for the log line). */
    private record Choice(Executor executor, String why) {
    }

    /**
     * {@code executor=auto}: worker processes only when they can answer (a local file, observed counts in the
     * file's own type), there are workers, and the pixels estimated from the indexes for the plan's chromosomes
     * ({@link MatrixFile#estimateCisPixels}, summed) exceed {@code hicserve.auto-processes-above}; threads for
     * anything smaller, so that a small query never pays the hop to a worker. Reads no pixel.
     */
    private Choice auto(FileRef ref, MatrixFile f, List<Chromosome> chromosomes, MatrixType type, CountType countType) {
        if (type != MatrixType.OBSERVED || countType != null) {
            return new Choice(Executor.THREADS, " (auto: matrix_type and count_type are answered by threads)");
        }
        if (ref.localPath() == null) {
            return new Choice(Executor.THREADS, " (auto: a remote file)");
        }
        if (!processesAvailable) {
            return new Choice(Executor.THREADS, " (auto: no worker processes)");
        }
        long estimate = 0;
        for (Chromosome c : chromosomes) {
            long pixels = f.estimateCisPixels(c);
            if (pixels < 0) {
                return new Choice(Executor.THREADS, " (auto: no estimate for " + c.name() + ")");
            }
            estimate += pixels;
        }
        long above = properties.autoProcessesAbove();
        return estimate > above
                ? new Choice(Executor.PROCESSES, " (auto: estimated " + estimate + " pixels > " + above + ")")
                : new Choice(Executor.THREADS, " (auto: estimated " + estimate + " pixels <= " + above + ")");
    }

    private void chosen(Executor executor, Executor requested) {
        Counter.builder("hicserve.executor.chosen")
                .description("cis requests by the executor that runs them; requested=auto when the planner chose it")
                .tags("executor", executor.apiName(), "requested", requested.apiName()).register(registry).increment();
    }

    private MatrixFile open(FileMetadata meta, Integer resolution, String unit) {
        if (resolution != null && resolution <= 0) {
            throw ServiceException.badRequest("invalid_parameter", "resolution must be a positive whole number, not "
                    + resolution + "; " + meta.name() + " has " + meta.resolutions());
        }
        return handles.open(meta, resolution == null ? 0 : resolution, unit(unit));
    }

    /** The file's expected values for expected and oe (computed once and cached for a cooler), else null. */
    private Expected expected(FileRef file, MatrixFile f, String unit, Normalization normalization, MatrixType type) {
        return type == MatrixType.OBSERVED ? null : expectedService.expected(file, f, unit(unit), normalization.name());
    }

    private static String matrixTypeWords(MatrixType type) {
        return type == MatrixType.OBSERVED ? "" : " matrix_type=" + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static PixelTable table(MatrixFile f, String file, Normalization normalization, boolean join, MatrixType type,
            CountType requested) {
        CountType countType = !normalization.isNone() || type != MatrixType.OBSERVED ? CountType.FLOAT64
                : requested != null ? requested : f.hasFloatCounts() ? CountType.FLOAT64 : CountType.INT32;
        return new PixelTable(join, countType, f.bins(), Map.of("hicserve.file", file,
                "hicserve.resolution", Integer.toString(f.resolution()), "hicserve.normalization", normalization.name()));
    }

    /** A query whose sides span more bins than allowed is refused before it reads anything. */
    private void checkSpan(long side) {
        if (side > properties.maxQueryBins()) {
            throw ServiceException.tooLarge("the query spans " + side + " bins on a side; the limit is "
                    + properties.maxQueryBins() + " (hicserve.max-query-bins): use a coarser resolution or a smaller region");
        }
    }

    private QueryPlan.DenseRegion denseRegion(BinRange rows, BinRange columns, OutputFormat format) {
        QueryPlan.DenseRegion region = new QueryPlan.DenseRegion(rows, columns);
        long limit = format == OutputFormat.NPY ? properties.denseMaxCells() : properties.pngMaxCells();
        if (region.cells() > limit) {
            throw ServiceException.tooLarge("the region is " + rows.size() + " x " + columns.size() + " bins = "
                    + region.cells() + " cells; format=" + format.apiName() + " is limited to " + limit
                    + " cells: use a smaller region, a coarser resolution, or format=arrow");
        }
        return region;
    }

    private Executor executor(String requested) {
        String name = requested == null || requested.isBlank() ? properties.executor() : requested;
        Executor executor = Executor.parse(name).orElseThrow(() -> ServiceException.badRequest("invalid_parameter",
                "executor must be 'threads', 'processes' or 'auto', not '" + name.strip() + "'"));
        if (executor == Executor.PROCESSES && !processesAvailable) {
            throw ServiceException.badRequest("unsupported_executor", "executor=processes needs worker processes: set "
                    + "hicserve.workers.local (and/or hicserve.workers.remote); this service has none");
        }
        return executor;
    }

    private static List<Chromosome> select(Reference reference, List<String> names) {
        if (names.isEmpty()) {
            return reference.chromosomes();
        }
        Set<Chromosome> chosen = new LinkedHashSet<>();
        for (String n : names) {
            chosen.add(reference.byName(n.strip()));
        }
        List<Chromosome> ordered = new ArrayList<>(chosen);
        ordered.sort(Comparator.comparingInt(Chromosome::id));
        return ordered;
    }

    private static MatrixUnit unit(String u) {
        return u == null || u.isBlank() ? null : MatrixUnit.parse(u);
    }
}
