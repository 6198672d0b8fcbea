package org.hicserve.reader.error;

import java.io.EOFException;
import java.nio.BufferUnderflowException;
import java.util.zip.DataFormatException;

/**
 * What a low-level failure means for the file, in words a user can act on, without the name of the library
 * class that raised it (a user of hicserve should never have to read "io.jhdf.exceptions.HdfException").
 */
public final class Causes {
    private Causes() {
    }

    public static String inWords(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = t.getClass().getName() + " " + root.getClass().getName();
        if (root instanceof EOFException || root instanceof BufferUnderflowException || name.contains("EOF")) {
            return "the file ends before the data it announces (truncated?)";
        }
        if (root instanceof DataFormatException || name.contains("Filter") || name.contains("Inflat")) {
            return "a compressed chunk does not inflate (corrupt data)";
        }
        if (root instanceof ArithmeticException || root instanceof NegativeArraySizeException) {
            return "a size or offset stored in the file is out of range";
        }
        if (root instanceof IndexOutOfBoundsException || root instanceof IllegalArgumentException) {
            return "an offset or size stored in the file points outside its data";
        }
        if (root instanceof OutOfMemoryError) {
            return "a size stored in the file is too large to be real";
        }
        String message = t.getMessage() != null ? t.getMessage() : root.getMessage();
        return message == null || message.isBlank() ? "the HDF5 structure is corrupt" : message;
    }
}
