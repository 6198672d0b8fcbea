package org.hicserve.spark;

import java.util.concurrent.atomic.LongAdder;

/**
 * Totals over every task this JVM has run: what the reader decoded. In {@code local[*]} mode (tests, a notebook) the
 * driver sees everything; on a cluster each executor counts its own (the Spark UI's scan metric adds them up).
 */
public final class ScanStatistics {
    private static final LongAdder STORAGE_UNITS = new LongAdder();
    private static final LongAdder PARTITIONS = new LongAdder();
    private static final LongAdder PIXELS = new LongAdder();

    private ScanStatistics() {
    }

    static void record(long storageUnits, long pixels) {
        if (storageUnits > 0) {
            STORAGE_UNITS.add(storageUnits);
        }
        PARTITIONS.increment();
        PIXELS.add(pixels);
    }

    /** .hic blocks and cooler column chunks decoded by this JVM's tasks so far. */
    public static long storageUnitsRead() {
        return STORAGE_UNITS.sum();
    }

    /** Partitions read to the end (or closed early) by this JVM's tasks so far. */
    public static long partitionsRead() {
        return PARTITIONS.sum();
    }

    /** Pixels handed to Spark by this JVM's tasks so far. */
    public static long pixelsRead() {
        return PIXELS.sum();
    }
}
