package org.hicserve.service.plan;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.exec.BatchSource;
import org.hicserve.service.exec.ChromosomeTask;
import org.hicserve.service.exec.OrderedMerge;
import org.hicserve.service.files.ReaderHandles;

/**
 * Runs each task on the service's bounded executor, each on a reader handle of its own (handles are never
 * shared between threads), optionally decoding ahead on the decoder pool.
 */
public final class ThreadFanOut implements FanOut {
    private final ExecutorService executor;
    private final ExecutorService decoders;
    private final ReaderHandles handles;
    private final HicServeProperties properties;

    public ThreadFanOut(ExecutorService executor, ExecutorService decoders, ReaderHandles handles,
            HicServeProperties properties) {
        this.executor = executor;
        this.decoders = decoders;
        this.handles = handles;
        this.properties = properties;
    }

    @Override
    public OrderedMerge start(QueryPlan plan) {
        String normalization = plan.normalization().name();
        // resumable: a task whose client reads slowly parks between batches without holding an executor thread
        List<ChromosomeTask> tasks = plan.tasks().stream().map(task -> ChromosomeTask.resumable(() -> {
            MatrixFile handle = handles.open(plan.metadata(), plan.resolution(), plan.unit());
            try {
                int decoderThreads = properties.effectiveDecodeThreads();
                if (decoderThreads > 0) {
                    // one unit ahead per decoder keeps them all busy while this thread filters the current one;
                    // more only holds decoded blocks (up to ~2 MB each at 10 kb) per query for no speed
                    handle.decodeAhead(decoders, decoderThreads);
                }
                PixelQuery query = task.query(handle, normalization, properties.batchRows()).withCountType(plan.countType());
                PixelSelector selector = Expectations.fetch(handle, query, plan.matrixType(), plan.expected());
                return BatchSource.of(selector, selector, handle);
            } catch (RuntimeException | Error e) {
                handle.close();
                throw e;
            }
        })).toList();
        return new OrderedMerge(executor, tasks, properties.effectiveThreads(), properties.queueBatches()).start();
    }
}
