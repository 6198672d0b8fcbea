package org.hicserve.service.worker;

/** A worker that failed as a process or a connection (not because of the data): the task may be retried elsewhere. */
public final class WorkerFailure extends RuntimeException {
    public WorkerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
