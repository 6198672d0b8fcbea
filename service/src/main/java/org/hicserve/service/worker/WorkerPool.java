package org.hicserve.service.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.service.exec.BatchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker processes (local, started from the service's own code) and remote workers (addresses of workers run
 * by hand on other hosts), reached over Arrow Flight. A task goes to the least busy ready worker; if that worker
 * dies, hangs past the task timeout or drops the connection, it is replaced and the task is retried once on
 * another worker, skipping the rows already delivered, so the answer is the same as if nothing had happened.
 * <p>
 * Each slot has one supervisor, a state machine: STARTING, then READY, or BACKING_OFF after a failed start
 * (waits of {@code restartBackoff}, doubling up to 30 s, then STARTING again); a READY worker that fails goes to
 * FAILED, is closed (its process killed and waited for) and only then started again. A slot's chain of starts
 * is the only thing that starts its workers, so a slot never has two processes, and it never stops trying: the
 * pool comes back to its size within the backoff plus a start. Workers are plugged in through
 * {@link WorkerStarter} (tests use fake ones, no JVM). Thread-safe.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A worker that fails sooner than this after being ready counts as a failed start (backoff grows). */
    private static final Duration STABLE = Duration.ofSeconds(10);

    /** A slot's supervisor states. */
    public enum SlotState { STARTING, READY, FAILED, BACKING_OFF, CLOSED }

    private final class Slot {
        final int id;
        final WorkerStarter starter;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();
        final Counter tasks;
        final Counter restarts;
        // guarded by this
        SlotState state = SlotState.STARTING;
        WorkerHandle handle;
        int failures;
        long readySince;

        Slot(int id, WorkerStarter starter) {
            this.id = id;
            this.starter = starter;
            String tag = Integer.toString(id);
            this.tasks = Counter.builder("hicserve.worker.tasks").tag("worker", tag).register(registry);
            this.restarts = Counter.builder("hicserve.worker.restarts").tag("worker", tag).register(registry);
            Gauge.builder("hicserve.worker.in_flight", inFlight, AtomicInteger::get).tag("worker", tag).register(registry);
        }

        synchronized WorkerHandle ready() {
            return state == SlotState.READY ? handle : null;
        }
    }

    private record Picked(Slot slot, WorkerHandle handle) {
    }

    private final List<Slot> slots = new ArrayList<>();
    private final Duration startTimeout;
    private final Duration restartBackoff;
    private final ExecutorService starters;
    private final ScheduledExecutorService timer;
    private final Timer taskLatency;
    private final Object changed = new Object();
    private volatile boolean closed;

    private WorkerPool(List<WorkerStarter> starterPerSlot, WorkerSettings settings, MeterRegistry registry) {
        this.startTimeout = settings.startTimeout();
        this.restartBackoff = settings.restartBackoff();
        this.starters = Executors.newCachedThreadPool(r -> daemon(r, "worker-supervisor"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "worker-backoff"));
        this.taskLatency = Timer.builder("hicserve.worker.task").description("time of one chromosome task on a worker")
                .register(registry);
        this.registry = registry;
        for (WorkerStarter s : starterPerSlot) {
            slots.add(new Slot(slots.size(), s));
        }
        Gauge.builder("hicserve.worker.healthy", this, WorkerPool::healthy).register(registry);
    }

    private final MeterRegistry registry;

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts every local worker and connects to every remote one (in parallel); returns when each got its first try. */
    public static WorkerPool start(WorkerSettings settings, BufferAllocator allocator, MeterRegistry registry) {
        WorkerSecret secret = settings.secret() != null ? WorkerSecret.of(settings.secret()) : WorkerSecret.random();
        if (settings.secret() == null && !settings.remote().isEmpty()) {
            log.warn("hicserve.workers.secret is not set: remote workers started with a secret will refuse this service");
        }
        WorkerLauncher launcher = new WorkerLauncher(settings.jvmOptions(), settings.startTimeout(), secret);
        List<WorkerStarter> starters = new ArrayList<>();
        for (int i = 0; i < settings.local(); i++) {
            starters.add(slot -> {
                WorkerLauncher.Started started = launcher.start(slot);
                try {
                    return new FlightWorker(started.process(), "127.0.0.1", started.port(), allocator, secret,
                            settings.taskTimeout());
                } catch (RuntimeException e) {
                    started.process().destroyForcibly();
                    started.process().waitFor(10, TimeUnit.SECONDS);
                    throw e;
                }
            });
        }
        for (String remote : settings.remote()) {
            String address = remote.strip();
            int colon = address.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("hicserve.workers.remote: '" + address + "' is not host:port");
            }
            String host = address.substring(0, colon);
            int port = Integer.parseInt(address.substring(colon + 1));
            starters.add(slot -> new FlightWorker(null, host, port, allocator, secret, settings.taskTimeout()));
        }
        return start(starters, settings, registry);
    }

    /** A pool over any workers (fake ones in tests): one slot per starter. */
    public static WorkerPool start(List<WorkerStarter> starterPerSlot, WorkerSettings settings, MeterRegistry registry) {
        WorkerPool pool = new WorkerPool(starterPerSlot, settings, registry);
        for (Slot s : pool.slots) {
            pool.starters.execute(() -> pool.attemptStart(s));
        }
        long deadline = System.nanoTime() + settings.startTimeout().toNanos() + 5_000_000_000L;
        synchronized (pool.changed) {
            while (System.nanoTime() < deadline && pool.slots.stream().anyMatch(s -> pool.state(s) == SlotState.STARTING)) {
                try {
                    pool.changed.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (Slot s : pool.slots) {
            if (pool.state(s) != SlotState.READY) {
                log.warn("worker {} is not up yet ({}); its supervisor keeps trying", s.id, pool.state(s));
            }
        }
        return pool;
    }

    private SlotState state(Slot s) {
        synchronized (s) {
            return s.state;
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** One start of a slot's worker. The only caller chain of a slot: after a failure, it schedules the next. */
    private void attemptStart(Slot s) {
        synchronized (s) {
            if (closed) {
                s.state = SlotState.CLOSED;
                return;
            }
            s.state = SlotState.STARTING;
        }
        s.starts.incrementAndGet();
        WorkerHandle h;
        try {
            h = s.starter.start(s.id);
        } catch (Throwable e) {
            long delay;
            boolean stop;
            synchronized (s) {
                stop = closed;
                if (stop) {
                    s.state = SlotState.CLOSED;
                } else {
                    s.failures++;
                    s.state = SlotState.BACKING_OFF;
                }
                delay = backoff(Math.max(1, s.failures));
            }
            if (stop) {
                signal(); // never under the slot's lock: pick() takes the pool's monitor, then slots'
                return;
            }
            log.warn("worker {} did not start ({}); next attempt in {} ms", s.id, e.toString(), delay);
            signal();
            schedule(s, delay);
            return;
        }
        boolean keep;
        synchronized (s) {
            keep = !closed;
            if (keep) {
                s.handle = h;
                s.state = SlotState.READY;
                s.readySince = System.nanoTime();
            } else {
                s.state = SlotState.CLOSED;
            }
        }
        if (!keep) {
            h.close();
            signal();
            return;
        }
        h.exited().thenRun(() -> failed(s, h, "its process exited"));
        signal();
    }

    private void schedule(Slot s, long delayMillis) {
        try {
            if (delayMillis <= 0) {
                starters.execute(() -> attemptStart(s));
            } else {
                timer.schedule(() -> starters.execute(() -> attemptStart(s)), delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the pool is closing
        }
    }

    private long backoff(int failures) {
        long ms = restartBackoff.toMillis() << Math.min(failures - 1, 16);
        return Math.min(Math.max(ms, 1), MAX_BACKOFF.toMillis());
    }

    /** A ready worker failed: closed (its process gone) before the slot starts another. Once per handle. */
    private void failed(Slot s, WorkerHandle h, String reason) {
        long delay;
        synchronized (s) {
            if (s.handle != h || s.state != SlotState.READY) {
                return; // already replaced, or closing
            }
            s.handle = null;
            s.state = SlotState.FAILED;
            boolean stable = System.nanoTime() - s.readySince > STABLE.toNanos();
            s.failures = stable ? 0 : s.failures + 1;
            delay = s.failures == 0 ? 0 : backoff(s.failures);
        }
        s.restarts.increment();
        log.warn("worker {} ({}, pid {}) failed: {}; replacing it{}", s.id, h.address(), h.pid(), reason,
                delay > 0 ? " in " + delay + " ms" : "");
        signal();
        try {
            starters.execute(() -> {
                h.close();
                synchronized (s) {
                    if (closed) {
                        s.state = SlotState.CLOSED;
                        return;
                    }
                    s.state = delay > 0 ? SlotState.BACKING_OFF : SlotState.FAILED;
                }
                schedule(s, delay);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            h.close();
        }
    }

    public int size() {
        return slots.size();
    }

    /** Workers ready to take a task (a live connection and, if local, a live process). */
    public int healthy() {
        int n = 0;
        for (Slot s : slots) {
            WorkerHandle h = s.ready();
            if (h != null && !h.exited().isDone()) {
                n++;
            }
        }
        return n;
    }

    /** Process ids of the local workers now ready. */
    public List<Long> localPids() {
        List<Long> pids = new ArrayList<>();
        for (Slot s : slots) {
            WorkerHandle h = s.ready();
            if (h != null && h.pid() >= 0 && !h.exited().isDone()) {
                pids.add(h.pid());
            }
        }
        return pids;
    }

    /** Each slot's supervisor state, in slot order. */
    public List<SlotState> states() {
        return slots.stream().map(this::state).toList();
    }

    /** Starts attempted so far, over all slots (every restart and every retry after a failed start). */
    public int starts() {
        return slots.stream().mapToInt(s -> s.starts.get()).sum();
    }

    /** The least busy ready worker, preferring one other than {@code avoid}; waits for one to come up. */
    private Picked pick(Slot avoid) {
        if (slots.isEmpty()) {
            throw new WorkersUnavailableException("no worker processes configured", null);
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        synchronized (changed) {
            while (true) {
                Picked best = null;
                for (Slot s : slots) {
                    WorkerHandle h = s.ready();
                    if (h != null && s != avoid && (best == null || s.inFlight.get() < best.slot().inFlight.get())) {
                        best = new Picked(s, h);
                    }
                }
                if (best == null && avoid != null) {
                    WorkerHandle h = avoid.ready();
                    if (h != null) {
                        best = new Picked(avoid, h); // the only worker, restarted: retry there
                    }
                }
                if (best != null) {
                    return best;
                }
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    throw new WorkersUnavailableException("no worker became available within " + startTimeout
                            + " (states " + states() + ")", null);
                }
                try {
                    changed.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for a worker");
                }
            }
        }
    }

    /**
     * One task as a pull source for {@code OrderedMerge}: nothing is sent before the first {@code next()}. A worker
     * failure is retried once on another worker (rows already delivered are skipped); a failure of the retry is a
     * {@link WorkersUnavailableException}, a file the workers cannot read a {@code ReaderException}.
     */
    public BatchSource open(WorkerTask task) {
        return new RetryingSource(task);
    }

    /** Runs one task to its end, handing its batches to {@code out} in order (see {@link #open}). */
    public void run(WorkerTask task, Consumer<PixelBatch> out) {
        try (RetryingSource s = new RetryingSource(task)) {
            for (PixelBatch b = s.next(); b != null; b = s.next()) {
                out.accept(b);
            }
        }
    }

    private final class RetryingSource implements BatchSource {
        private final WorkerTask task;
        private long delivered; // rows handed out, over every attempt
        private long seen; // rows of the current attempt
        private int failures;
        private Slot failedSlot;
        private Slot slot;
        private WorkerHandle handle;
        private WorkerStream stream;
        private long started;

        RetryingSource(WorkerTask task) {
            this.task = task;
        }

        @Override
        public PixelBatch next() {
            while (true) {
                if (stream == null) {
                    Picked p = pick(failedSlot);
                    slot = p.slot();
                    handle = p.handle();
                    slot.inFlight.incrementAndGet();
                    slot.tasks.increment();
                    started = System.nanoTime();
                    seen = 0;
                    try {
                        stream = handle.open(task);
                    } catch (WorkerFailure f) {
                        retryOrThrow(f);
                        continue;
                    }
                }
                PixelBatch b;
                try {
                    b = stream.next();
                } catch (WorkerFailure f) {
                    retryOrThrow(f);
                    continue;
                }
                if (b == null) {
                    endAttempt();
                    return null;
                }
                int n = b.size();
                long skip = delivered - seen;
                seen += n;
                if (skip >= n) {
                    continue; // sent already by the failed attempt
                }
                if (skip > 0) {
                    b = tail(b, (int) skip);
                }
                delivered += b.size();
                return b;
            }
        }

        private void retryOrThrow(WorkerFailure f) {
            Slot s = slot;
            WorkerHandle h = handle;
            endAttempt();
            failed(s, h, f.getMessage());
            if (++failures > 1) {
                throw new WorkersUnavailableException("chromosome " + task.chromosome() + " failed on worker "
                        + failedSlot.id + " and again on worker " + s.id + ": " + f.getMessage(), f);
            }
            log.warn("worker {} failed on {} {} after {} rows: {}; retrying on another worker", s.id, task.chromosome(),
                    task.path(), delivered, f.getMessage());
            failedSlot = s;
        }

        private void endAttempt() {
            if (stream != null) {
                stream.close();
                stream = null;
            }
            if (slot != null) {
                slot.inFlight.decrementAndGet();
                taskLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                slot = null;
                handle = null;
            }
        }

        @Override
        public void close() {
            endAttempt();
        }
    }

    /** The rows of {@code b} from {@code from} on. */
    static PixelBatch tail(PixelBatch b, int from) {
        int n = b.size();
        return new PixelBatch(Arrays.copyOfRange(b.bin1(), from, n), Arrays.copyOfRange(b.bin2(), from, n),
                b.intCounts() == null ? null : Arrays.copyOfRange(b.intCounts(), from, n),
                b.floatCounts() == null ? null : Arrays.copyOfRange(b.floatCounts(), from, n), n - from);
    }

    /** Stops every worker (local ones killed and waited for), closes every connection, stops the supervisors. */
    @Override
    public void close() {
        closed = true;
        starters.shutdownNow(); // interrupts a start in progress: the launcher kills what it started
        timer.shutdownNow();
        for (Slot s : slots) {
            WorkerHandle h;
            synchronized (s) {
                h = s.handle;
                s.handle = null;
                s.state = SlotState.CLOSED;
            }
            if (h != null) {
                h.close();
            }
        }
        try {
            starters.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal();
    }
}
