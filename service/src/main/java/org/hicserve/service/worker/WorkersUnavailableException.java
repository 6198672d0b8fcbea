package org.hicserve.service.worker;

/** A task failed on a worker and again on its retry: the request fails (503 before the answer starts). */
public class WorkersUnavailableException extends RuntimeException {
    public WorkersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
