package org.hicserve.service.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.exec.BatchSource;
import org.hicserve.service.exec.ChromosomeTask;
import org.hicserve.service.exec.OrderedMerge;
import org.hicserve.service.exec.StreamLimiter;
import org.hicserve.service.files.DataDirectory;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.format.DenseMatrix;
import org.hicserve.service.format.NpySink;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PngSink;
import org.hicserve.service.format.PixelTable;
import org.hicserve.service.metrics.StreamMetrics;
import org.hicserve.service.web.ApiException;
import org.hicserve.service.worker.WorkerPool;
import org.hicserve.service.worker.WorkerTask;

/**
 * What the endpoints do. Every check (file, resolution, chromosomes, normalization, saturation) and every open
 * happens in the {@code prepare} methods, before the response starts; the returned {@link BatchStream} then only
 * writes. Thread-safe: each call opens its own reader handles.
 */
public final class QueryService {
    private final DataDirectory dataDirectory;
    private final MetadataCache metadataCache;
    private final ReaderHandles handles;
    private final StreamLimiter limiter;
    private final ExecutorService fanOut;
    private final ExecutorService decoders;
    private final WorkerPool workers;
    private final HicServeProperties properties;
    private final BufferAllocator allocator;
    private final StreamMetrics metrics;

    public QueryService(DataDirectory dataDirectory, MetadataCache metadataCache, ReaderHandles handles,
            StreamLimiter limiter, ExecutorService fanOut, ExecutorService decoders, WorkerPool workers,
            HicServeProperties properties,
            BufferAllocator allocator, StreamMetrics metrics) {
        this.dataDirectory = dataDirectory;
        this.metadataCache = metadataCache;
        this.handles = handles;
        this.limiter = limiter;
        this.fanOut = fanOut;
        this.decoders = decoders;
        this.workers = workers;
        this.properties = properties;
        this.allocator = allocator;
        this.metrics = metrics;
    }

    public List<FileInfo> files(Access access) {
        return dataDirectory.list(access).stream().map(e -> new FileInfo(e.name(), e.format(), e.sizeBytes())).toList();
    }

    public Description describe(String file, Access access) {
        Path path = dataDirectory.resolve(file, access);
        FileMetadata meta = metadataCache.get(path);
        List<Integer> resolutions = meta.resolutions();
        try (MatrixFile f = handles.open(meta, resolutions.isEmpty() ? 0 : resolutions.get(0), null)) {
            Set<String> union = new LinkedHashSet<>();
            union.add(PixelQuery.NONE);
            Map<Integer, List<String>> byResolution = new LinkedHashMap<>(f.normalizationsByResolution());
            byResolution.values().forEach(union::addAll);
            List<Description.ChromosomeInfo> chroms = f.chromosomes().chromosomes().stream()
                    .map(c -> new Description.ChromosomeInfo(c.name(), c.length())).toList();
            return new Description(file, meta.format().apiName(), f.formatVersion(), f.assembly(), f.resolutions(), chroms,
                    List.copyOf(union), byResolution, f.hasFloatCounts() ? "float64" : "int32");
        }
    }

    /** The full validation of a file (every block or pixel read once), as {@code hicserve.jar validate} prints it. */
    public ValidationAnswer validate(String file, Access access) {
        Path path = dataDirectory.resolve(file, access);
        return ValidationAnswer.of(file, FileValidator.validate(path));
    }

    public BatchStream preparePixels(PixelsCall call, Access access) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(properties.requestDeadline());
        Path path = dataDirectory.resolve(call.file(), access);
        FileMetadata meta = metadataCache.get(path);
        List<AutoCloseable> held = new ArrayList<>();
        try {
            held.add(limiter.acquire());
            MatrixFile f = handles.open(meta, resolution(call.resolution()), unit(call.unit()));
            held.add(0, f);
            if (properties.decodeThreads() > 0) {
                f.decodeAhead(decoders, 2 * properties.decodeThreads());
            }
            PixelRequest req = call.request();
            PixelQuery query = QueryPlanner.plan(f, req, properties.batchRows());
            checkSpan(f, query);
            DenseMatrix dense = null;
            if (req.format().isDense()) {
                query = query.isCis() ? query.withSpan(QuerySpan.FULL) : query; // a matrix has both triangles
                dense = denseMatrix(f, query, req.format());
            }
            PixelSelector selector = f.fetch(query);
            held.add(0, selector);
            // read on an executor thread while the request thread writes: decoding and sending overlap
            OrderedMerge reading = new OrderedMerge(fanOut, List.of(ChromosomeTask.resumable(() -> BatchSource.of(selector))),
                    1, properties.queueBatches()); // parks without a thread while the client is slow
            held.add(0, reading);
            Iterator<PixelBatch> batches;
            if (dense != null) {
                for (Iterator<PixelBatch> it = reading.start(); it.hasNext(); ) { // bounded by the cell limit
                    deadline.check();
                    dense.add(it.next());
                }
                batches = java.util.Collections.emptyIterator();
            } else {
                batches = startOrBuffer(reading.start(), req.format(), deadline);
            }
            PixelTable table = new PixelTable(req.join(), selector.countType(), f.bins(),
                    tableMetadata(call.file(), f.resolution(), req.normalization()));
            String description = "range1=" + req.range1() + (req.range2() == null ? "" : " range2=" + req.range2())
                    + " resolution=" + f.resolution() + " normalization=" + req.normalization();
            BatchStream.Observer observer = (rows, bytes, failure) -> metrics.record("pixels", req.format().apiName(),
                    call.file(), description, rows, bytes, start, failure);
            if (dense != null) {
                DenseMatrix matrix = dense;
                BatchStream.SinkFactory sink = req.format() == OutputFormat.NPY ? out -> new NpySink(out, matrix)
                        : out -> new PngSink(out, matrix);
                return new BatchStream(batches, table, req.format().mediaType(), sink, closeAll(held), observer)
                        .withDeadline(deadline);
            }
            return new BatchStream(batches, table, req.format(), allocator, closeAll(held), observer).withDeadline(deadline);
        } catch (RuntimeException | Error e) {
            closeQuietly(held);
            throw e;
        }
    }

    public BatchStream prepareCis(CisCall call, Access access) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(properties.requestDeadline());
        boolean processes = useProcesses(call.executor());
        if (call.format().isDense()) {
            throw ApiException.badRequest("invalid_parameter", "format=" + call.format().apiName()
                    + " is for pixels of one region; cis answers come as arrow, tsv or json");
        }
        Path path = dataDirectory.resolve(call.file(), access);
        FileMetadata meta = metadataCache.get(path);
        String normalization = call.normalization() == null || call.normalization().isBlank() ? PixelQuery.NONE
                : call.normalization();
        List<AutoCloseable> held = new ArrayList<>();
        try {
            held.add(limiter.acquire());
            int resolution;
            MatrixUnit unit = unit(call.unit());
            List<Chromosome> chromosomes;
            CountType countType;
            PixelTable table;
            try (MatrixFile first = handles.open(meta, resolution(call.resolution()), unit)) {
                resolution = first.resolution();
                chromosomes = select(first.chromosomes(), call.chromosomes());
                boolean normalized = !normalization.equalsIgnoreCase(PixelQuery.NONE);
                if (normalized && !first.normalizations().contains(normalization)) {
                    throw new UnknownNameException("normalization", normalization, first.normalizations());
                }
                countType = normalized || first.hasFloatCounts() ? CountType.FLOAT64 : CountType.INT32;
                table = new PixelTable(call.join(), countType, first.bins(),
                        tableMetadata(call.file(), resolution, normalization));
            }
            List<ChromosomeTask> tasks = new ArrayList<>();
            for (Chromosome c : chromosomes) {
                if (processes) {
                    WorkerTask task = new WorkerTask(path.toString(), resolution, unit == null ? null : unit.name(), c.name(),
                            normalization, properties.batchRows());
                    tasks.add(ChromosomeTask.resumable(() -> workers.open(task)));
                    continue;
                }
                tasks.add(ChromosomeTask.resumable(() -> { // parks without a thread while the client is slow
                    MatrixFile h = handles.open(meta, resolution, unit);
                    try {
                        PixelSelector s = h.fetch(PixelQuery.cis(GenomicInterval.whole(h.chromosomes().get(c.id())))
                                .withNormalization(normalization).withBatchRows(properties.batchRows()));
                        return BatchSource.of(s, s, h);
                    } catch (RuntimeException | Error e) {
                        h.close();
                        throw e;
                    }
                }));
            }
            // with processes, the executor's threads only wait on workers: keep as many tasks ahead as there are workers
            int parallelism = processes ? Math.min(workers.size(), properties.effectiveThreads() * 2) : properties.effectiveThreads();
            OrderedMerge merge = new OrderedMerge(fanOut, tasks, parallelism, properties.queueBatches());
            held.add(0, merge);
            merge.start();
            // the first chromosome's first batch: a file that cannot be read fails before the answer
            Iterator<PixelBatch> batches = startOrBuffer(merge, call.format(), deadline);
            String query = "chromosomes=" + (call.chromosomes().isEmpty() ? "all" : String.join(",", call.chromosomes()))
                    + " resolution=" + resolution + " normalization=" + normalization
                    + " executor=" + (processes ? "processes" : "threads");
            return new BatchStream(batches, table, call.format(), allocator, closeAll(held),
                    (rows, bytes, failure) -> metrics.record("cis", call.format().apiName(), call.file(), query, rows, bytes,
                            start, failure)).withDeadline(deadline);
        } catch (RuntimeException | Error e) {
            closeQuietly(held);
            throw e;
        }
    }

    /** A query whose sides span more bins than allowed is refused (413) before it reads anything. */
    private void checkSpan(MatrixFile f, PixelQuery query) {
        long side = Math.max(f.bins().overlapping(query.range1()).size(), f.bins().overlapping(query.range2()).size());
        if (side > properties.maxQueryBins()) {
            throw ApiException.tooLarge("the query spans " + side + " bins on a side; the limit is "
                    + properties.maxQueryBins() + " (hicserve.max-query-bins): use a coarser resolution or a smaller region");
        }
    }

    /** An empty matrix for the query's region, or 413 when the region is past the format's size limit. */
    private DenseMatrix denseMatrix(MatrixFile f, PixelQuery query, OutputFormat format) {
        BinRange rows = f.bins().overlapping(query.range1());
        BinRange columns = f.bins().overlapping(query.range2());
        long cells = DenseMatrix.cells(rows, columns);
        long limit = format == OutputFormat.NPY ? properties.denseMaxCells() : properties.pngMaxCells();
        if (cells > limit) {
            throw ApiException.tooLarge("the region is " + rows.size() + " x " + columns.size() + " bins = " + cells
                    + " cells; format=" + format.apiName() + " is limited to " + limit
                    + " cells: use a smaller region, a coarser resolution, or format=arrow");
        }
        return new DenseMatrix(rows, columns);
    }

    private boolean useProcesses(String requested) {
        String executor = requested == null || requested.isBlank() ? properties.executor() : requested.strip();
        switch (executor) {
            case "threads":
                return false;
            case "processes":
                if (workers.size() == 0) {
                    throw ApiException.badRequest("unsupported_executor", "executor=processes needs worker processes: set "
                            + "hicserve.workers.local (and/or hicserve.workers.remote); this service has none");
                }
                return true;
            default:
                throw ApiException.badRequest("invalid_parameter", "executor must be 'threads' or 'processes', not '"
                        + executor + "'");
        }
    }

    private static List<Chromosome> select(Reference reference, List<String> names) {
        if (names.isEmpty()) {
            return reference.chromosomes();
        }
        Set<Chromosome> chosen = new LinkedHashSet<>();
        for (String n : names) {
            chosen.add(reference.byName(n.strip()));
        }
        return chosen.stream().sorted(Comparator.comparingInt(Chromosome::id)).toList();
    }

    /** Reads the first batch now (so read errors come before the answer) or, for JSON, the whole bounded answer. */
    private Iterator<PixelBatch> startOrBuffer(Iterator<PixelBatch> batches, OutputFormat format, Deadline deadline) {
        if (format == OutputFormat.JSON) {
            return bufferForJson(batches, deadline);
        }
        batches.hasNext();
        return batches;
    }

    /** JSON cannot be cut short cleanly, so its answer is read whole first, up to the configured row limit. */
    private Iterator<PixelBatch> bufferForJson(Iterator<PixelBatch> batches, Deadline deadline) {
        List<PixelBatch> all = new ArrayList<>();
        long rows = 0;
        while (batches.hasNext()) {
            deadline.check();
            PixelBatch b = batches.next();
            rows += b.size();
            if (rows > properties.jsonMaxRows()) {
                throw ApiException.tooLarge("the answer has more than " + properties.jsonMaxRows()
                        + " rows, the limit for format=json; use format=arrow or format=tsv, or a smaller region");
            }
            all.add(b);
        }
        return all.iterator();
    }

    private static Map<String, String> tableMetadata(String file, int resolution, String normalization) {
        return Map.of("hicserve.file", file, "hicserve.resolution", Integer.toString(resolution),
                "hicserve.normalization", normalization);
    }

    private static int resolution(Integer r) {
        return r == null ? 0 : r;
    }

    private static MatrixUnit unit(String u) {
        return u == null || u.isBlank() ? null : MatrixUnit.parse(u);
    }

    private static AutoCloseable closeAll(List<AutoCloseable> held) {
        List<AutoCloseable> copy = List.copyOf(held);
        return () -> closeQuietly(copy);
    }

    private static void closeQuietly(List<AutoCloseable> held) {
        RuntimeException first = null;
        for (AutoCloseable c : held) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + c + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
