package org.hicserve.service.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.error.ServiceException;
import org.hicserve.service.exec.OrderedMerge;
import org.hicserve.service.exec.StreamLimiter;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.format.DenseMatrix;
import org.hicserve.service.format.NpySink;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PngSink;
import org.hicserve.service.metrics.StreamMetrics;
import org.hicserve.service.plan.CisCall;
import org.hicserve.service.plan.Executor;
import org.hicserve.service.plan.FanOut;
import org.hicserve.service.plan.PixelsCall;
import org.hicserve.service.plan.QueryPlan;
import org.hicserve.service.plan.QueryPlanner;

/**
 * What the endpoints do: make the request's {@link QueryPlan}, run it on the plan's {@link FanOut}, and hand back
 * a {@link BatchStream} that only writes. Everything that can be refused is refused while planning and starting,
 * before the response begins. Thread-safe: every request opens its own reader handles.
 */
public final class QueryService {
    private final DataSource dataSource;
    private final MetadataCache metadataCache;
    private final ReaderHandles handles;
    private final QueryPlanner planner;
    private final Map<Executor, FanOut> fanOuts;
    private final StreamLimiter limiter;
    private final HicServeProperties properties;
    private final BufferAllocator allocator;
    private final StreamMetrics metrics;

    public QueryService(DataSource dataSource, MetadataCache metadataCache, ReaderHandles handles,
            QueryPlanner planner, Map<Executor, FanOut> fanOuts, StreamLimiter limiter, HicServeProperties properties,
            BufferAllocator allocator, StreamMetrics metrics) {
        this.dataSource = dataSource;
        this.metadataCache = metadataCache;
        this.handles = handles;
        this.planner = planner;
        this.fanOuts = Map.copyOf(fanOuts);
        this.limiter = limiter;
        this.properties = properties;
        this.allocator = allocator;
        this.metrics = metrics;
    }

    public List<FileInfo> files(Access access) {
        return dataSource.files(access).stream().map(e -> new FileInfo(e.name(), e.format(), e.sizeBytes())).toList();
    }

    public Description describe(String file, Access access) {
        FileMetadata meta = metadataCache.get(dataSource.file(file, access));
        List<Integer> resolutions = meta.resolutions();
        try (MatrixFile f = handles.open(meta, resolutions.isEmpty() ? 0 : resolutions.get(0), null)) {
            Set<String> union = new LinkedHashSet<>();
            union.add(Normalization.NONE_NAME);
            Map<Integer, List<String>> byResolution = new LinkedHashMap<>(f.normalizationsByResolution());
            byResolution.values().forEach(union::addAll);
            List<Description.ChromosomeInfo> chroms = f.chromosomes().chromosomes().stream()
                    .map(c -> new Description.ChromosomeInfo(c.name(), c.length())).toList();
            return new Description(file, meta.format().apiName(), f.formatVersion(), f.assembly(), f.resolutions(), chroms,
                    List.copyOf(union), byResolution, f.hasFloatCounts() ? "float64" : "int32",
                    meta.format() == org.hicserve.reader.model.FileFormat.HIC ? "int16 or float32 per block"
                            : f.hasFloatCounts() ? "float64" : "int32");
        }
    }

    /** The full validation of a file (every block or pixel read once), as {@code hicserve.jar validate} prints it. */
    public ValidationAnswer validate(String file, Access access) {
        FileRef ref = dataSource.file(file, access);
        return ValidationAnswer.of(file, ref.localPath() != null ? FileValidator.validate(ref.localPath())
                : FileValidator.validate(ref.fileName(), null, ref.opener()));
    }

    public BatchStream preparePixels(PixelsCall call, Access access) {
        return preparePixels(call, access, MatrixType.OBSERVED, null);
    }

    /** With {@code matrix_type} and {@code count_type} (null: the file's own). */
    public BatchStream preparePixels(PixelsCall call, Access access, MatrixType matrixType, CountType countType) {
        return prepare(() -> planner.pixels(call, access, matrixType, countType));
    }

    public BatchStream prepareCis(CisCall call, Access access) {
        return prepareCis(call, access, MatrixType.OBSERVED, null);
    }

    /** With {@code matrix_type} and {@code count_type} (null: the file's own). */
    public BatchStream prepareCis(CisCall call, Access access, MatrixType matrixType, CountType countType) {
        return prepare(() -> planner.cis(call, access, matrixType, countType));
    }

    /** Plans, takes a stream permit, starts the tasks and reads the first batch: failures come before the answer. */
    private BatchStream prepare(java.util.function.Supplier<QueryPlan> planning) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(properties.requestDeadline());
        QueryPlan plan = planning.get();
        List<AutoCloseable> held = new ArrayList<>();
        try {
            held.add(limiter.acquire());
            OrderedMerge reading = fanOuts.get(plan.executor()).start(plan);
            held.add(0, reading);
            BatchStream.Observer observer = (rows, bytes, failure) -> metrics.record(plan.endpoint(),
                    plan.format().apiName(), plan.file(), plan.description(), rows, bytes, start, failure);
            if (plan.denseRegion().isPresent()) {
                DenseMatrix matrix = new DenseMatrix(plan.denseRegion().get().rows(), plan.denseRegion().get().columns());
                while (reading.hasNext()) { // bounded by the cell limit
                    deadline.check();
                    matrix.add(reading.next());
                }
                BatchStream.SinkFactory sink = plan.format() == OutputFormat.NPY ? out -> new NpySink(out, matrix)
                        : out -> new PngSink(out, matrix);
                return new BatchStream(Collections.emptyIterator(), plan.table(), plan.format().mediaType(), sink,
                        closeAll(held), observer).withDeadline(deadline);
            }
            Iterator<PixelBatch> batches = startOrBuffer(reading, plan.format(), deadline);
            return new BatchStream(batches, plan.table(), plan.format(), allocator, closeAll(held), observer)
                    .withDeadline(deadline);
        } catch (RuntimeException | Error e) {
            closeQuietly(held);
            throw e;
        }
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
                throw ServiceException.tooLarge("the answer has more than " + properties.jsonMaxRows()
                        + " rows, the limit for format=json; use format=arrow or format=tsv, or a smaller region");
            }
            all.add(b);
        }
        return all.iterator();
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
