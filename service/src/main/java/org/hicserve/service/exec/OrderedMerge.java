package org.hicserve.service.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.model.PixelBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs per-chromosome tasks on a shared executor and hands their batches back in chromosome order while later
 * chromosomes are still being read. At most {@code parallelism} tasks of one query run ahead, each with a queue
 * of {@code queueBatches}: memory stays bounded whatever the genome.
 * <p>
 * A {@link ChromosomeTask#resumable resumable} task runs in steps: a step reads batches while its queue has room
 * and at most {@code queueBatches} of them, then gives its executor thread back. A task whose queue is full (the
 * client reads slowly) is parked, holding its open source but no thread, and is resubmitted when the response
 * takes a batch; a task that keeps up goes to the back of the executor's queue after each step. So a slow client
 * never holds an executor thread, and a small query waits for at most one step of each running task, never for a
 * whole stream. A plain {@link ChromosomeTask#run} task still holds its thread until its end (the old behaviour).
 * <p>
 * Iterated by one thread (the response writer); {@link #close()} cancels what is left.
 */
public final class OrderedMerge implements Iterator<PixelBatch>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderedMerge.class);
    private static final Object END = new Object();
    private static final long STOP_WAIT_SECONDS = 10;

    private record Failure(Throwable cause) {
    }

    /** A task's states: parked or not started; a step queued on the executor; a step running; finished. */
    private static final int IDLE = 0, QUEUED = 1, RUNNING = 2, DONE = 3;

    /**
     * One task and its queue. Its source is touched only by whoever moved the state to RUNNING (a step) or from
     * IDLE/QUEUED to DONE ({@link OrderedMerge#close()}): never by two threads at once.
     */
    private final class Running implements Runnable {
        final ChromosomeTask task;
        /** One more than the read-ahead: the end marker or a failure always fits. */
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(queueBatches + 1);
        final AtomicInteger state = new AtomicInteger(IDLE);
        final CountDownLatch finished = new CountDownLatch(1);
        volatile boolean cancelled;
        volatile Future<?> future;
        private boolean opened;
        private BatchSource source;

        Running(ChromosomeTask task) {
            this.task = task;
        }

        /** Queues a step on the executor; false (and still IDLE) if the executor refused it. */
        boolean trySchedule() {
            if (!state.compareAndSet(IDLE, QUEUED)) {
                return true; // queued, running or done already
            }
            try {
                future = executor.submit(this);
                return true;
            } catch (RejectedExecutionException e) {
                state.compareAndSet(QUEUED, IDLE);
                return false;
            }
        }

        /** Makes sure the task progresses: queued if parked with room, or run here if the executor is full. */
        void kick() {
            if (state.get() == IDLE && queue.size() < queueBatches && !trySchedule()
                    && state.compareAndSet(IDLE, RUNNING)) {
                step(); // the executor is full: the response thread, which waits for this task anyway, reads it
            }
        }

        @Override
        public void run() {
            if (state.compareAndSet(QUEUED, RUNNING)) {
                step();
            }
        }

        private void step() {
            try {
                if (!opened) {
                    opened = true;
                    source = task.open();
                    if (source == null) {
                        runToEnd();
                        return;
                    }
                }
                int produced = 0;
                while (true) {
                    if (cancelled) {
                        finish();
                        return;
                    }
                    if (queue.size() >= queueBatches) {
                        park();
                        return;
                    }
                    if (produced >= queueBatches) { // a step's worth: let the other queries' tasks have the thread
                        state.set(QUEUED);
                        try {
                            future = executor.submit(this);
                            return;
                        } catch (RejectedExecutionException e) {
                            if (!state.compareAndSet(QUEUED, RUNNING)) {
                                return; // closed meanwhile: close() has cleaned up
                            }
                            produced = 0; // nobody else can have the thread anyway: go on here
                        }
                    }
                    PixelBatch b = source.next();
                    if (b == null) {
                        queue.add(END);
                        finish();
                        return;
                    }
                    queue.add(b);
                    produced++;
                }
            } catch (Throwable t) {
                if (!cancelled) {
                    queue.offer(new Failure(t));
                }
                finish();
            }
        }

        /** Gives the thread back with the source open; the response resumes the task when it takes a batch. */
        private void park() {
            state.set(IDLE);
            if (cancelled) {
                if (state.compareAndSet(IDLE, DONE)) {
                    release();
                }
            } else if (queue.size() < queueBatches) {
                kick(); // the response took a batch between our check and the park
            }
        }

        /** A task that cannot be parked: pushes every batch, waiting (on this thread) while its queue is full. */
        private void runToEnd() throws Exception {
            try {
                task.run(batch -> {
                    if (cancelled) {
                        throw new CancellationException("query cancelled");
                    }
                    put(batch);
                });
                put(END);
            } catch (CancellationException e) {
                // the response is gone; the task's handle was closed by its own try-with-resources
            }
            finish();
        }

        private void put(Object item) {
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

        private void finish() {
            release();
        }

        /** Closes the source (once) and marks the task done. */
        private void release() {
            BatchSource s = source;
            source = null;
            state.set(DONE);
            try {
                if (s != null) {
                    s.close();
                }
            } catch (RuntimeException e) {
                log.warn("closing a chromosome's source failed: {}", e.toString());
            } finally {
                finished.countDown();
            }
        }

        /** From close(): takes a task that is not running (parked or queued) and releases it here. */
        void cancel() {
            cancelled = true;
            queue.clear();
            while (true) {
                int s = state.get();
                if (s != IDLE && s != QUEUED) {
                    return; // running (it sees the flag between batches) or done
                }
                if (state.compareAndSet(s, DONE)) {
                    release();
                    return;
                }
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
        fillWindow(true);
        return this;
    }

    private void fillWindow(boolean refuseWhenFull) {
        while (!closed && inflight.size() + (current != null ? 1 : 0) < parallelism && nextTask < tasks.size()) {
            Running r = new Running(tasks.get(nextTask++));
            inflight.add(r);
            if (!r.trySchedule() && refuseWhenFull) {
                close();
                throw new SaturatedException("the per-chromosome executor is full", new RejectedExecutionException());
            } // later a refused task stays parked and is kicked when it becomes the current one
        }
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (closed) {
                return false;
            }
            if (current == null) {
                fillWindow(false);
                current = inflight.poll();
                if (current == null) {
                    return false;
                }
                fillWindow(false);
            }
            Object item;
            try {
                item = current.queue.poll();
                if (item == null) {
                    current.kick();
                    item = current.queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("interrupted while waiting for a chromosome");
            }
            current.kick(); // room again: a parked task reads on
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
     * Cancels every task still running, parked or queued and waits (briefly) for the running ones to stop, so
     * that what they use (a selector opened by the caller, say) is no longer touched when this returns. Parked
     * and queued tasks are released here, on the calling thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        List<Running> all = new ArrayList<>(inflight);
        if (current != null) {
            all.add(current);
            current = null;
        }
        inflight.clear();
        for (Running r : all) {
            r.cancel();
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
}
