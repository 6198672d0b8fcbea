package org.hicserve.service.worker;

/** Starts (or connects to) the worker of one slot; called again, by that slot only, after the previous one is closed. */
@FunctionalInterface
public interface WorkerStarter {
    WorkerHandle start(int slot) throws Exception;
}
