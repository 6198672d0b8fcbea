package org.hicserve.service.exec;

import org.hicserve.service.error.ServiceException;

/** The executor or the stream limit cannot take more work now: retry later. */
public class SaturatedException extends ServiceException {
    public SaturatedException(String message, Throwable cause) {
        super(Kind.SATURATED, "saturated", message, cause);
    }
}
