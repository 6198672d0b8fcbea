package org.hicserve.reader.convert;

/**
 * Told how far a conversion is, in pixels read from the source out of the total of every converted resolution.
 * Called from the worker threads, often (once per decoded chunk): implementations must be thread-safe and cheap.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(long totalPixels) {
        }

        @Override
        public void pixelsRead(long pixels) {
        }
    };

    /** Once, before the first pixel. */
    void start(long totalPixels);

    /** {@code pixels} more pixels were read. */
    void pixelsRead(long pixels);

    /** A phase without pixels (writing the footer, moving the file); by default ignored. */
    default void phase(String what) {
    }
}
