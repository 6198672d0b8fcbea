package org.hicserve.service.web;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.error.UnsupportedFormatException;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.error.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become statuses: every failure before the first byte is answered with the
 * API.md error body. Failures after the first byte never reach a handler that could answer: the response is
 * aborted instead (see README, "truncated answers").
 */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Duration retryAfter;

    ApiExceptionHandler(HicServeProperties properties) {
        this.retryAfter = properties.retryAfter();
    }

    @ExceptionHandler(ServiceException.class)
    ResponseEntity<ApiError> service(ServiceException e) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNREADABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case SATURATED, DEADLINE_EXCEEDED, WORKERS_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        HttpHeaders headers = new HttpHeaders();
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            log.warn("{}: {}", e.code(), e.getMessage());
            headers.add(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return body(status, e.code(), e.getMessage(), headers);
    }

    /**
     * A remote store's failure before the answer starts: 502 (the store answered wrongly or not at all), 503 with
     * Retry-After (it said it is unavailable), 504 (too slow). Readers wrap it in an {@code UncheckedIOException}, whose
     * handler hands it here: it is the store's failure, not an unreadable file.
     */
    @ExceptionHandler(RemoteReadException.class)
    ResponseEntity<ApiError> remote(RemoteReadException e) {
        log.warn("remote store failure: {}", e.getMessage());
        return switch (e.kind()) {
            case UNAVAILABLE -> {
                HttpHeaders headers = new HttpHeaders();
                headers.add(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
                yield body(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", e.getMessage(), headers);
            }
            case TIMEOUT -> body(HttpStatus.GATEWAY_TIMEOUT, "store_timeout", e.getMessage(), null);
            default -> body(HttpStatus.BAD_GATEWAY, "store_error", e.getMessage(), null);
        };
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

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", "no endpoint or page at /" + e.getResourcePath(), null);
    }

    private static String expectedWord(String type) {
        return switch (type) {
            case "integer", "long", "int" -> "a whole number";
            default -> "a " + type;
        };
    }

    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ApiError> io(UncheckedIOException e) {
        RemoteReadException remote = RemoteReadException.find(e);
        if (remote != null) { // readers wrap a store's failure; it is the store's, not the file's
            return remote(remote);
        }
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
