package org.hicserve.reader.cooler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on parsing a file's HDF5 structure with jHDF. jHDF follows object-header continuation messages without
 * a cycle check, so a corrupt file can make it loop forever (found by fuzzing: CoolerFuzzTest timeout-cca41176...).
 * When the limit passes, the thread that opened the deadline is interrupted: its next jHDF read fails with
 * {@link java.nio.channels.ClosedByInterruptException}. {@link #close} withdraws the deadline and clears an interrupt it
 * delivered, so a caller's thread never stays interrupted because of it. One per parse, on the parsing thread.
 *
 * <p>The limit is {@value #DEFAULT_SECONDS} s, or the system property {@value #PROPERTY} (seconds); parsing the
 * metadata of real files takes well under a second per resolution.
 */
final class HdfDeadline implements AutoCloseable {
    static final String PROPERTY = "hicserve.reader.hdf5ParseSeconds";
    static final long DEFAULT_SECONDS = 60;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hicserve-hdf5-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Thread owner = Thread.currentThread();
    private final Duration limit;
    private ScheduledFuture<?> task;
    private boolean done;
    private boolean fired;

    HdfDeadline() {
        this(Duration.ofSeconds(Long.getLong(PROPERTY, DEFAULT_SECONDS)));
    }

    HdfDeadline(Duration limit) {
        this.limit = limit;
        this.task = TIMER.schedule(this::fire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void fire() {
        if (!done) {
            fired = true;
            owner.interrupt();
        }
    }

    /** Gives the next step a whole limit of its own (the check after the parse), unless the limit already passed. */
    synchronized void restart() {
        if (!fired && !done) {
            task.cancel(false);
            task = TIMER.schedule(this::fire, limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** True once the limit passed while the deadline was open. */
    synchronized boolean expired() {
        return fired;
    }

    Duration limit() {
        return limit;
    }

    @Override
    public synchronized void close() {
        done = true;
        task.cancel(false);
        if (fired) {
            Thread.interrupted(); // the interrupt was ours: do not leak it to the caller
        }
    }
}
