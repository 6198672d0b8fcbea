package org.hicserve.reader.error;

/** A query that cannot be parsed or makes no sense for the file (bad syntax, range outside a chromosome). */
public class InvalidQueryException extends ReaderException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
