package org.hicserve.reader.convert;

/**
 * The output could not be written (disk full, permission, a spill file lost). The partial output has been deleted
 * when this is thrown; the final name was never touched. A broken input is reported as the reader's own
 * {@link org.hicserve.reader.error.ReaderException} instead.
 */
public final class ConversionException extends RuntimeException {
    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConversionException(String message) {
        super(message);
    }
}
