package org.hicserve.service.web;

/**
 * Thrown out of a response body that failed after its first byte. No handler maps it (it deliberately carries
 * no cause a handler could match), so it reaches the servlet container, which closes the connection of a
 * committed response instead of ending it cleanly: the client sees an incomplete transfer, never a short answer
 * that looks whole.
 */
final class StreamAbortedException extends RuntimeException {
    StreamAbortedException(String message) {
        super(message, null, false, false);
    }
}
