package org.hicserve.service.exec;

/** The executor cannot take more work now (answered 503). */
public class SaturatedException extends RuntimeException {
    public SaturatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
