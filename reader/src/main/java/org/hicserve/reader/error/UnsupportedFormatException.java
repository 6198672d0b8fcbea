package org.hicserve.reader.error;

/** A well-formed file in a version or layout this reader does not implement (e.g. .hic v5, cooler storage-mode=square). */
public class UnsupportedFormatException extends ReaderException {
    public UnsupportedFormatException(String message) {
        super(message);
    }
}
