package org.hicserve.service.web;

import java.io.UncheckedIOException;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.error.UnsupportedFormatException;
import org.hicserve.service.exec.SaturatedException;
import org.hicserve.service.worker.WorkersUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps every failure before the first byte to the API.md error body and status. Failures after the first byte
 * never reach a handler that could answer: the response is aborted instead (see README, "truncated answers").
 */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        return body(e.status(), e.code(), e.getMessage(), headers);
    }

    @ExceptionHandler(UnknownNameException.class)
    ResponseEntity<ApiError> unknown(UnknownNameException e) {
        return body(HttpStatus.NOT_FOUND, "unknown_" + e.kind(), e.getMessage(), null);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ApiError> invalid(InvalidQueryException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_query", e.getMessage(), null);
    }

    @ExceptionHandler({MalformedFileException.class, UnsupportedFormatException.class})
    ResponseEntity<ApiError> unreadable(ReaderException e) {
        log.warn("unreadable file: {}", e.getMessage());
        return body(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable_file", e.getMessage(), null);
    }

    @ExceptionHandler(ReaderException.class)
    ResponseEntity<ApiError> reader(ReaderException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_query", e.getMessage(), null);
    }

    @ExceptionHandler(SaturatedException.class)
    ResponseEntity<ApiError> saturated(SaturatedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.RETRY_AFTER, "2");
        return body(HttpStatus.SERVICE_UNAVAILABLE, "saturated", e.getMessage(), headers);
    }

    @ExceptionHandler(WorkersUnavailableException.class)
    ResponseEntity<ApiError> workers(WorkersUnavailableException e) {
        log.warn("workers unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.RETRY_AFTER, "5");
        return body(HttpStatus.SERVICE_UNAVAILABLE, "workers_unavailable", e.getMessage(), headers);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "missing_parameter", "parameter '" + e.getParameterName() + "' is required", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase();
        return body(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "parameter '" + e.getName() + "' must be " + expectedWord(expected) + ", not '" + e.getValue() + "'", null);
    }

    private static String expectedWord(String type) {
        return switch (type) {
            case "integer", "long", "int" -> "a whole number";
            default -> "a " + type;
        };
    }

    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ApiError> io(UncheckedIOException e) {
        log.warn("I/O failure: {}", e.toString());
        return body(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable_file", e.getMessage(), null);
    }

    @ExceptionHandler(OutOfMemoryError.class)
    ResponseEntity<ApiError> memory(OutOfMemoryError e) {
        log.error("out of memory answering a request", e);
        return body(HttpStatus.SERVICE_UNAVAILABLE, "saturated", "the service ran out of memory for this request", null);
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String code, String message, HttpHeaders headers) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (headers != null) {
            b.headers(headers);
        }
        return b.body(new ApiError(code, message));
    }
}
