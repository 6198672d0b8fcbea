package org.hicserve.service.error;

/**
 * A request the service refuses or cannot finish, in the service's own words: what kind of failure, a short
 * machine-readable code and a message for a person (what was wrong and what exists). Thrown by any layer; only
 * the web edge turns the {@link Kind} into a status and a body, so nothing below it knows HTTP.
 */
public class ServiceException extends RuntimeException {
    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The request itself is malformed. */
        BAD_REQUEST,
        /** The caller may not read that file. */
        FORBIDDEN,
        /** A file, chromosome, resolution or normalization that does not exist. */
        NOT_FOUND,
        /** Well formed, but larger than the chosen format or a limit allows. */
        TOO_LARGE,
        /** The file exists but cannot be read (corrupt, truncated, unsupported). */
        UNREADABLE,
        /** This client has as many answers in flight as it may: retry later. */
        TOO_MANY_REQUESTS,
        /** The service is answering as much as it may: retry later. */
        SATURATED,
        /** The request ran past its deadline. */
        DEADLINE_EXCEEDED,
        /** The worker processes could not answer. */
        WORKERS_UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public ServiceException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public ServiceException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public static ServiceException badRequest(String code, String message) {
        return new ServiceException(Kind.BAD_REQUEST, code, message);
    }

    public static ServiceException notFound(String code, String message) {
        return new ServiceException(Kind.NOT_FOUND, code, message);
    }

    public static ServiceException forbidden(String message) {
        return new ServiceException(Kind.FORBIDDEN, "forbidden", message);
    }

    public static ServiceException tooLarge(String message) {
        return new ServiceException(Kind.TOO_LARGE, "too_large", message);
    }

    public static ServiceException saturated(String message, Throwable cause) {
        return new ServiceException(Kind.SATURATED, "saturated", message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
