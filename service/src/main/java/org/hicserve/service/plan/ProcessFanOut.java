package org.hicserve.service.plan;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.exec.ChromosomeTask;
import org.hicserve.service.exec.OrderedMerge;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.worker.WorkerPool;
import org.hicserve.service.worker.WorkerTask;

/**
 * Sends each task (a whole chromosome of {@code cis}) to a worker process; the executor's threads only wait on
 * the workers, so as many tasks run ahead as there are workers.
 */
public final class ProcessFanOut implements FanOut {
    private final ExecutorService executor;
    private final WorkerPool workers;
    private final HicServeProperties properties;

    public ProcessFanOut(ExecutorService executor, WorkerPool workers, HicServeProperties properties) {
        this.executor = executor;
        this.workers = workers;
        this.properties = properties;
    }

    @Override
    public OrderedMerge start(QueryPlan plan) {
        String path = plan.metadata().path().toString();
        String unit = plan.unit() == null ? null : plan.unit().name();
        List<ChromosomeTask> tasks = plan.tasks().stream().<ChromosomeTask>map(task -> {
            WorkerTask w = new WorkerTask(path, plan.resolution(), unit, chromosomeOf(task),
                    plan.normalization().name(), properties.batchRows());
            return ChromosomeTask.resumable(() -> workers.open(w)); // parks under flow control while the client is slow
        }).toList();
        int parallelism = Math.max(1, Math.min(workers.size(), properties.effectiveThreads() * 2));
        return new OrderedMerge(executor, tasks, parallelism, properties.queueBatches()).start();
    }

    /** Workers answer whole chromosomes of cis; the planner sends nothing else here. */
    private static String chromosomeOf(PixelTask task) {
        if (!task.equals(PixelTask.cis(task.range1()))) {
            throw new IllegalArgumentException("worker processes answer whole cis chromosomes, not " + task);
        }
        return task.range1();
    }
}
