package org.hicserve.service.web;

/** The error code and a plain message for a bare status, when the container refused a request itself. */
final class ErrorCodes {
    private ErrorCodes() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 503 -> "saturated";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: a malformed request line, URI or header, or a request line"
                    + " or headers over the server's size limits";
            case 404 -> "no endpoint or page at this path; the API is under /api/v1 (see /api/v1/files)";
            case 405 -> "this method is not allowed here";
            case 413, 414, 431 -> "the request is too large for this server";
            default -> status >= 500 ? "the service failed to answer this request; it keeps serving others"
                    : "the request was refused";
        };
    }
}
