package org.hicserve.service.plan;

import org.hicserve.service.exec.OrderedMerge;

/**
 * Runs a plan's tasks and hands their batches back in task order while later tasks are still being read, with
 * bounded memory. One implementation per {@link Executor}; the caller does not know which runs.
 */
public interface FanOut {
    /** Starts the tasks; close the result to cancel what is left. */
    OrderedMerge start(QueryPlan plan);
}
