package org.hicserve.service.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.model.PixelBatch;

/**
 * Runs per-chromosome tasks on a shared executor and hands their batches back in chromosome order while later
 * chromosomes are still being read. At most {@code parallelism} tasks of one query run ahead, each with a queue
 * of {@code queueBatches}: memory stays bounded whatever the genome, and since a query submits its tasks in
 * order to a FIFO executor, the chromosome being written is always running (no deadlock).
 * Iterated by one thread (the response writer); {@link #close()} cancels what is left.
 */
public final class OrderedMerge implements Iterator<PixelBatch>, AutoCloseable {
    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private static final class Running {
        final BlockingQueue<Object> queue;
        final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        /** Taken by whichever comes first: the task starting, or close() dropping it unstarted. */
        final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile boolean cancelled;
        Future<?> future;

        Running(int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
        }

        void put(Object item) {
            try {
                while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("query cancelled");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("query cancelled");
            }
        }
    }

    private final ExecutorService executor;
    private final List<ChromosomeTask> tasks;
    private final int parallelism;
    private final int queueBatches;
    private final Deque<Running> inflight = new ArrayDeque<>();
    private int nextTask;
    private Running current;
    private PixelBatch pending;
    private boolean closed;

    public OrderedMerge(ExecutorService executor, List<ChromosomeTask> tasks, int parallelism, int queueBatches) {
        this.executor = executor;
        this.tasks = List.copyOf(tasks);
        this.parallelism = Math.max(1, parallelism);
        this.queueBatches = Math.max(1, queueBatches);
    }

    /** Starts the first tasks; a full executor is reported here, before the answer starts. */
    public OrderedMerge start() {
        fillWindow();
        return this;
    }

    private void fillWindow() {
        while (!closed && inflight.size() + (current != null ? 1 : 0) < parallelism && nextTask < tasks.size()) {
            ChromosomeTask task = tasks.get(nextTask++);
            Running r = new Running(queueBatches);
            try {
                r.future = executor.submit(() -> runTask(task, r));
            } catch (RejectedExecutionException e) {
                throw new SaturatedException("the per-chromosome executor is full", e);
            }
            inflight.add(r);
        }
    }

    private static void runTask(ChromosomeTask task, Running r) {
        if (!r.claimed.compareAndSet(false, true)) {
            return; // dropped by close() before it started
        }
        try {
            runTaskBody(task, r);
        } finally {
            r.finished.countDown();
        }
    }

    private static void runTaskBody(ChromosomeTask task, Running r) {
        try {
            task.run(batch -> {
                if (r.cancelled) {
                    throw new CancellationException("query cancelled");
                }
                r.put(batch);
            });
            r.put(END);
        } catch (CancellationException e) {
            // the response is gone; the task's handle was closed by its own try-with-resources
        } catch (Throwable t) {
            if (!r.cancelled) {
                try {
                    r.put(new Failure(t));
                } catch (CancellationException ignored) {
                    // cancelled meanwhile
                }
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (closed) {
                return false;
            }
            if (current == null) {
                fillWindow();
                current = inflight.poll();
                if (current == null) {
                    return false;
                }
                fillWindow();
            }
            Object item;
            try {
                item = current.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("interrupted while waiting for a chromosome");
            }
            if (item == END) {
                current = null;
            } else if (item instanceof Failure f) {
                close();
                if (f.cause() instanceof RuntimeException re) {
                    throw re;
                }
                if (f.cause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("chromosome task failed: " + f.cause(), f.cause());
            } else {
                pending = (PixelBatch) item;
            }
        }
        return true;
    }

    @Override
    public PixelBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PixelBatch b = pending;
        pending = null;
        return b;
    }

    /**
     * Cancels every task still running or queued and waits (briefly) for the running ones to stop, so that what
     * they use (a selector opened by the caller, say) is no longer touched when this returns.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        List<Running> all = new java.util.ArrayList<>(inflight);
        if (current != null) {
            all.add(current);
            current = null;
        }
        inflight.clear();
        for (Running r : all) {
            r.cancelled = true;
            r.queue.clear();
            if (r.claimed.compareAndSet(false, true)) {
                r.finished.countDown(); // never started, and now never will
                if (r.future != null) {
                    r.future.cancel(false);
                }
            }
        }
        for (Running r : all) {
            try {
                if (!r.finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS) && r.future != null) {
                    r.future.cancel(true); // stuck in I/O: interrupt it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final long STOP_WAIT_SECONDS = 10;
}
