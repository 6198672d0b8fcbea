package org.hicserve.service.worker;

import java.util.concurrent.CompletableFuture;

/**
 * One started worker as {@link WorkerPool} sees it: streams tasks, says when it is gone, and is closed once (its
 * process killed and waited for, its connection closed once no stream uses it). The pool's slots hold at most
 * one at a time. Tests plug in fake ones (no JVM) through {@link WorkerStarter}.
 */
public interface WorkerHandle extends AutoCloseable {
    /** Starts streaming one task; failures show up in {@link WorkerStream#next()}. */
    WorkerStream open(WorkerTask task);

    /** Completes when the worker is gone by itself (its process exited); never, for a remote worker. */
    CompletableFuture<Void> exited();

    /** The process id of a local worker, else -1. */
    long pid();

    /** Where it is, for logs. */
    String address();

    @Override
    void close();
}
