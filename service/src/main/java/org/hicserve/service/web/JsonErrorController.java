package org.hicserve.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@code /error} answers, in the API.md shape: the status of the failed request when the container forwards
 * one here, and 404 when someone asks for {@code /error} itself (Spring's default answers that with 500 and
 * status 999). Never says more about an internal failure than that it happened.
 */
@RestController
class JsonErrorController implements ErrorController {
    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (response.isCommitted() || request.getDispatcherType() == jakarta.servlet.DispatcherType.INCLUDE
                || request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
            // the container includes the error page into an answer that has started (a stream cut by a failure):
            // a body there would be JSON inside the Arrow or TSV bytes; nothing is written, the answer stays cut
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        String message = ErrorCodes.message(status);
        Object given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status < 500 && given instanceof String s && !s.isBlank()) {
            message = s;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(ErrorCodes.of(status), message));
    }
}
