package org.hicserve.service.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.service.arrow.PixelColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker processes (local, started from the service's own code) and remote workers (addresses of workers run
 * by hand on other hosts), reached over Arrow Flight. A task goes to the least busy worker; if that worker dies,
 * hangs past the task timeout or drops the connection, it is replaced (a local one restarted) and the task is
 * retried once on another worker, skipping the rows already delivered, so the answer is the same as if nothing
 * had happened. The pool never shrinks for good. Thread-safe.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    /** A live connection to one worker; replaced as a whole when it fails. */
    /**
     * A live connection to one worker; replaced as a whole when it fails. Its client is closed only once it is
     * retired and no stream uses it any more: closing it under an open stream frees that stream's buffers.
     */
    private record Connection(Process process, FlightClient client, String address, AtomicInteger users,
            java.util.concurrent.atomic.AtomicBoolean retired, java.util.concurrent.atomic.AtomicBoolean clientClosed) {
        Connection(Process process, FlightClient client, String address) {
            this(process, client, address, new AtomicInteger(), new java.util.concurrent.atomic.AtomicBoolean(),
                    new java.util.concurrent.atomic.AtomicBoolean());
        }

        void closeClientIfUnused() {
            if (retired.get() && users.get() == 0 && clientClosed.compareAndSet(false, true)) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing a broken channel may fail; the process is what matters
                }
            }
        }
    }

    private final class Slot {
        final int id;
        final String remoteAddress; // null for a local worker
        volatile Connection connection;
        final AtomicInteger inFlight = new AtomicInteger();
        final Counter tasks;
        final Counter restarts;

        Slot(int id, String remoteAddress) {
            this.id = id;
            this.remoteAddress = remoteAddress;
            this.tasks = Counter.builder("hicserve.worker.tasks").tag("worker", Integer.toString(id)).register(registry);
            this.restarts = Counter.builder("hicserve.worker.restarts").tag("worker", Integer.toString(id)).register(registry);
            Gauge.builder("hicserve.worker.in_flight", inFlight, AtomicInteger::get).tag("worker", Integer.toString(id))
                    .register(registry);
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final WorkerLauncher launcher;
    private final BufferAllocator allocator;
    private final MeterRegistry registry;
    private final Duration taskTimeout;
    private final Duration startTimeout;
    private final ExecutorService restarter;
    private final Timer taskLatency;
    private volatile boolean closed;

    private WorkerPool(WorkerSettings settings, BufferAllocator allocator, MeterRegistry registry) {
        this.launcher = new WorkerLauncher(settings.jvmOptions(), settings.startTimeout());
        this.allocator = allocator;
        this.registry = registry;
        this.taskTimeout = settings.taskTimeout();
        this.startTimeout = settings.startTimeout();
        this.restarter = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "worker-restarter");
            t.setDaemon(true);
            return t;
        });
        this.taskLatency = Timer.builder("hicserve.worker.task").description("time of one chromosome task on a worker")
                .register(registry);
        for (int i = 0; i < settings.local(); i++) {
            slots.add(new Slot(i, null));
        }
        for (String remote : settings.remote()) {
            slots.add(new Slot(slots.size(), remote.strip()));
        }
        Gauge.builder("hicserve.worker.healthy", this, WorkerPool::healthy).register(registry);
    }

    /** Starts every local worker and connects to every remote one (in parallel); returns when all are up. */
    public static WorkerPool start(WorkerSettings settings, BufferAllocator allocator, MeterRegistry registry) {
        WorkerPool pool = new WorkerPool(settings, allocator, registry);
        List<java.util.concurrent.Future<?>> starting = new ArrayList<>();
        for (Slot s : pool.slots) {
            starting.add(pool.restarter.submit(() -> pool.connect(s)));
        }
        for (var f : starting) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("a worker did not start: {} (it will be retried when needed)", e.toString());
            }
        }
        return pool;
    }

    public int size() {
        return slots.size();
    }

    /** Workers with a live connection (and, if local, a live process). */
    public int healthy() {
        int n = 0;
        for (Slot s : slots) {
            Connection c = s.connection;
            if (c != null && (c.process() == null || c.process().isAlive())) {
                n++;
            }
        }
        return n;
    }

    /** Process ids of the local workers now running. */
    public List<Long> localPids() {
        List<Long> pids = new ArrayList<>();
        for (Slot s : slots) {
            Connection c = s.connection;
            if (c != null && c.process() != null && c.process().isAlive()) {
                pids.add(c.process().pid());
            }
        }
        return pids;
    }

    private void connect(Slot slot) {
        if (closed) {
            return;
        }
        Connection c;
        if (slot.remoteAddress == null) {
            WorkerLauncher.Started started = launcher.start(slot.id);
            Location location = Location.forGrpcInsecure("127.0.0.1", started.port());
            c = new Connection(started.process(), FlightClient.builder(allocator, location).build(), location.getUri().toString());
            Connection mine = c;
            started.process().onExit().thenRun(() -> {
                if (!closed && slot.connection == mine) {
                    log.warn("worker {} (pid {}) exited with {}; replacing it", slot.id, mine.process().pid(),
                            mine.process().exitValue());
                    replace(slot, mine);
                }
            });
        } else {
            String[] hp = slot.remoteAddress.split(":");
            Location location = Location.forGrpcInsecure(hp[0], Integer.parseInt(hp[1]));
            c = new Connection(null, FlightClient.builder(allocator, location).build(), slot.remoteAddress);
        }
        if (closed) {
            shutdown(c);
            return;
        }
        slot.connection = c;
    }

    /** Replaces a failed connection (kills its process if still there) in the background, once. */
    private void replace(Slot slot, Connection failed) {
        synchronized (slot) {
            if (slot.connection != failed) {
                return; // someone replaced it already
            }
            slot.connection = null;
        }
        slot.restarts.increment();
        restarter.submit(() -> {
            if (failed != null) {
                shutdown(failed);
            }
            try {
                connect(slot);
            } catch (RuntimeException e) {
                log.error("worker {} could not be replaced: {}; will try again on next use", slot.id, e.toString());
            }
        });
    }

    private static void shutdown(Connection c) {
        c.retired().set(true);
        c.closeClientIfUnused();
        if (c.process() != null && c.process().isAlive()) {
            c.process().destroyForcibly();
            try {
                c.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs one task: streams its batches to {@code out} in order. A worker failure is retried once on another
     * worker; a failure of the retry, or a file the workers cannot read, is thrown.
     */
    public void run(WorkerTask task, Consumer<PixelBatch> out) {
        long[] delivered = {0};
        Slot first = pick(null);
        try {
            stream(first, task, out, delivered);
            return;
        } catch (WorkerFailure f) {
            log.warn("worker {} failed on {} {} after {} rows: {}; retrying on another worker", first.id,
                    task.chromosome(), task.path(), delivered[0], f.getMessage());
        }
        Slot second = pick(first);
        try {
            stream(second, task, out, delivered);
        } catch (WorkerFailure f) {
            throw new WorkersUnavailableException("chromosome " + task.chromosome() + " failed on worker " + first.id
                    + " and again on worker " + second.id + ": " + f.getMessage(), f);
        }
    }

    /** The least busy worker with a connection, preferring one other than {@code avoid}; waits for one to come up. */
    private Slot pick(Slot avoid) {
        if (slots.isEmpty()) {
            throw new WorkersUnavailableException("no worker processes configured", null);
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            Optional<Slot> best = slots.stream().filter(s -> s.connection != null && s != avoid)
                    .min(Comparator.comparingInt(s -> s.inFlight.get()));
            if (best.isEmpty() && avoid != null && avoid.connection != null) {
                best = Optional.of(avoid); // the only worker, restarted: retry there
            }
            if (best.isPresent()) {
                return best.get();
            }
            for (Slot s : slots) {
                if (s.connection == null) {
                    replaceIfIdle(s);
                }
            }
            if (System.nanoTime() > deadline || closed) {
                throw new WorkersUnavailableException("no worker became available within " + startTimeout, null);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a worker");
            }
        }
    }

    /** A slot left without a connection (a start that failed) gets another start. */
    private void replaceIfIdle(Slot s) {
        synchronized (s) {
            if (s.connection == null && !restarting.contains(s)) {
                restarting.add(s);
                restarter.submit(() -> {
                    try {
                        connect(s);
                    } catch (RuntimeException e) {
                        log.warn("worker {} still cannot start: {}", s.id, e.toString());
                    } finally {
                        restarting.remove(s);
                    }
                });
            }
        }
    }

    private final java.util.Set<Slot> restarting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void stream(Slot slot, WorkerTask task, Consumer<PixelBatch> out, long[] delivered) {
        Connection c = slot.connection;
        if (c == null) {
            throw new WorkerFailure("worker " + slot.id + " is restarting", null);
        }
        c.users().incrementAndGet();
        slot.inFlight.incrementAndGet();
        slot.tasks.increment();
        long start = System.nanoTime();
        FlightStream stream = null;
        boolean consumerFailed = false;
        try {
            stream = c.client().getStream(new Ticket(task.encode()),
                    CallOptions.timeout(taskTimeout.toMillis(), TimeUnit.MILLISECONDS));
            long seen = 0; // rows of this attempt; the first `delivered` of them were sent by a failed attempt
            while (stream.next()) {
                var root = stream.getRoot();
                int n = root.getRowCount();
                long skip = delivered[0] - seen;
                seen += n;
                if (skip >= n) {
                    continue;
                }
                PixelBatch b = PixelColumns.toBatch(root, (int) Math.max(0, skip));
                try {
                    out.accept(b);
                } catch (RuntimeException consumerGone) {
                    consumerFailed = true;
                    stream.cancel("the answer was cancelled", consumerGone);
                    throw consumerGone;
                }
                delivered[0] += b.size();
            }
        } catch (FlightRuntimeException e) {
            if (e.status().code() == FlightStatusCode.INVALID_ARGUMENT) {
                String d = String.valueOf(e.status().description());
                throw new MalformedFileException(d.startsWith(PixelFlightProducer.MALFORMED_PREFIX)
                        ? d.substring(PixelFlightProducer.MALFORMED_PREFIX.length()) : d);
            }
            replace(slot, c);
            throw new WorkerFailure("worker " + slot.id + " (" + c.address() + "): " + e.status().code() + " "
                    + e.status().description(), e);
        } catch (RuntimeException e) {
            if (consumerFailed) {
                throw e;
            }
            // the connection broke some other way (its client was retired while this stream ran, say)
            replace(slot, c);
            throw new WorkerFailure("worker " + slot.id + " (" + c.address() + "): " + e, e);
        } finally {
            slot.inFlight.decrementAndGet();
            taskLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (stream != null) {
                try {
                    stream.close();
                } catch (Exception ignored) {
                    // a cancelled or broken stream may complain on close
                }
            }
            c.users().decrementAndGet();
            c.closeClientIfUnused();
        }
    }

    /** Stops every local worker (and waits for it), closes every connection. */
    @Override
    public void close() {
        closed = true;
        for (Slot s : slots) {
            Connection c = s.connection;
            s.connection = null;
            if (c != null) {
                shutdown(c);
            }
        }
        restarter.shutdownNow();
    }

}
