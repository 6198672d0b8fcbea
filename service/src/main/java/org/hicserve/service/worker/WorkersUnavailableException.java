package org.hicserve.service.worker;

import org.hicserve.service.error.ServiceException;

/** A task failed on a worker and again on its retry: the request fails (503 before the answer starts). */
public class WorkersUnavailableException extends ServiceException {
    public WorkersUnavailableException(String message, Throwable cause) {
        super(Kind.WORKERS_UNAVAILABLE, "workers_unavailable", message, cause);
    }
}
