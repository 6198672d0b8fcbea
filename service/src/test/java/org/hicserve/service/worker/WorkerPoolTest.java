package org.hicserve.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.PixelBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkerPool} with fake workers (no JVM): a task retried on another worker after a failure mid-stream
 * gives the same rows once each, a second failure fails the request, a bad file is not retried, a worker that
 * dies or fails to start is replaced (with backoff) until the pool is back to its size, and a slot never has
 * two workers alive at once.
 */
class WorkerPoolTest {
    static final WorkerTask TASK = new WorkerTask("/data/x.mcool", 10000, null, "chr1", "NONE", 10);
    static final int ROWS = 95;

    /** The workers of a fake pool: what they answer, how they fail, and how many live per slot. */
    static final class FakeWorkers {
        final Map<Integer, AtomicInteger> alive = new ConcurrentHashMap<>();
        final Map<Integer, Integer> mostAlive = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> failStarts = new ConcurrentHashMap<>();
        final Map<Integer, CountDownLatch> startGate = new ConcurrentHashMap<>();
        final List<FakeWorker> started = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Rows after which the next stream of a slot's current worker breaks (-1: never). */
        final Map<Integer, Integer> breakAfter = new ConcurrentHashMap<>();
        volatile boolean badFile;
        /** Rows after which the next stream opened, on whichever worker, breaks (-1: none). */
        final AtomicInteger breakOnce = new AtomicInteger(-1);

        WorkerStarter starter() {
            return slot -> {
                int now = alive.computeIfAbsent(slot, k -> new AtomicInteger()).incrementAndGet(); // a "process" exists
                mostAlive.merge(slot, now, Math::max);
                try {
                    CountDownLatch gate = startGate.get(slot);
                    if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                    AtomicInteger fails = failStarts.get(slot);
                    if (fails != null && fails.getAndDecrement() > 0) {
                        throw new IllegalStateException("worker " + slot + " exited before listening");
                    }
                } catch (Throwable t) {
                    alive.get(slot).decrementAndGet();
                    throw t;
                }
                FakeWorker w = new FakeWorker(slot, this);
                started.add(w);
                return w;
            };
        }

        List<FakeWorker> of(int slot) {
            synchronized (started) {
                return started.stream().filter(w -> w.slot == slot).toList();
            }
        }
    }

    static final class FakeWorker implements WorkerHandle {
        final int slot;
        final FakeWorkers all;
        final CompletableFuture<Void> exited = new CompletableFuture<>();
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger streams = new AtomicInteger();
        volatile boolean dead;

        FakeWorker(int slot, FakeWorkers all) {
            this.slot = slot;
            this.all = all;
        }

        /** As kill -9: the process is gone. */
        void die() {
            dead = true;
            exited.complete(null);
        }

        @Override
        public WorkerStream open(WorkerTask task) {
            streams.incrementAndGet();
            Integer perSlot = all.breakAfter.remove(slot);
            int once = all.breakOnce.getAndSet(-1);
            int breakAt = perSlot != null ? perSlot : once;
            int batchRows = slot % 2 == 0 ? task.batchRows() : 7; // other batch sizes: a retry skips mid-batch
            return new WorkerStream() {
                int sent;

                @Override
                public PixelBatch next() {
                    if (all.badFile) {
                        throw new MalformedFileException("block 3 is corrupt");
                    }
                    if (dead || (breakAt >= 0 && sent >= breakAt)) {
                        die();
                        throw new WorkerFailure("worker " + slot + ": UNAVAILABLE connection reset", null);
                    }
                    if (sent >= ROWS) {
                        return null;
                    }
                    int n = Math.min(batchRows, ROWS - sent);
                    PixelBatch b = PixelBatch.ofInts(n);
                    for (int i = 0; i < n; i++) {
                        b.bin1()[i] = sent + i;
                        b.bin2()[i] = sent + i + 1;
                        b.intCounts()[i] = 1;
                    }
                    sent += n;
                    return b.withSize(n);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CompletableFuture<Void> exited() {
            return exited;
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public String address() {
            return "fake-" + slot;
        }

        @Override
        public void close() {
            if (closes.getAndIncrement() == 0) {
                all.alive.get(slot).decrementAndGet();
                dead = true;
            }
        }
    }

    private final List<WorkerPool> pools = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void closePools() {
        pools.forEach(WorkerPool::close);
    }

    private WorkerPool pool(FakeWorkers fake, int size) {
        List<WorkerStarter> starters = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            starters.add(fake.starter());
        }
        WorkerPool p = WorkerPool.start(starters, new WorkerSettings(0, List.of(), Duration.ofMinutes(1), Duration.ofSeconds(10),
                null, null, Duration.ofMillis(20)), registry);
        pools.add(p);
        return p;
    }

    private static List<Long> rows(WorkerPool pool) {
        List<Long> got = new ArrayList<>();
        pool.run(TASK, b -> {
            for (int i = 0; i < b.size(); i++) {
                got.add(b.bin1()[i]);
            }
        });
        return got;
    }

    private static List<Long> expected() {
        List<Long> l = new ArrayList<>();
        for (long i = 0; i < ROWS; i++) {
            l.add(i);
        }
        return l;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aFailureMidStreamIsRetriedElsewhereWithEveryRowOnce() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        assertThat(pool.healthy()).isEqualTo(2);
        fake.breakOnce.set(33); // whichever worker gets the task breaks after 33 rows; the retry's worker does not
        List<Long> got = rows(pool);
        assertThat(got).isEqualTo(expected());
        await(() -> pool.healthy() == 2, "the failed worker's replacement");
        assertThat(pool.starts()).isEqualTo(3);
        assertThat(fake.mostAlive.values()).allMatch(n -> n == 1);
        assertThat(registry.find("hicserve.worker.restarts").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(1.0);
    }

    @Test
    void aSecondFailureFailsTheTask() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        fake.breakAfter.put(0, 10);
        fake.breakAfter.put(1, 10);
        assertThatThrownBy(() -> rows(pool)).isInstanceOf(WorkersUnavailableException.class)
                .hasMessageContaining("and again on worker");
        await(() -> pool.healthy() == 2, "both replacements");
        assertThat(fake.mostAlive.values()).allMatch(n -> n == 1);
    }

    @Test
    void aFileTheWorkersCannotReadIsNotRetried() {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        fake.badFile = true;
        assertThatThrownBy(() -> rows(pool)).isInstanceOf(MalformedFileException.class).hasMessageContaining("block 3");
        assertThat(pool.starts()).isEqualTo(2);
        assertThat(fake.started).allMatch(w -> w.streams.get() <= 1).allMatch(w -> !w.dead);
    }

    @Test
    void aDeadWorkerIsReplacedAndFailedStartsAreRetriedWithBackoff() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        fake.failStarts.put(0, new AtomicInteger(3)); // the replacement fails to start three times
        FakeWorker first = fake.of(0).get(0);
        first.die();
        await(() -> pool.healthy() == 2 && fake.of(0).size() == 2, "slot 0 back after three failed starts");
        assertThat(first.closes.get()).isEqualTo(1);
        assertThat(pool.starts()).isEqualTo(2 + 1 + 3);
        assertThat(pool.states()).containsOnly(WorkerPool.SlotState.READY);
        assertThat(fake.mostAlive.get(0)).isEqualTo(1);
        assertThat(rows(pool)).isEqualTo(expected());
    }

    @Test
    void aReplacementKilledWhileItStartsIsStartedAgain() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        CountDownLatch gate = new CountDownLatch(1);
        fake.startGate.put(0, gate);
        fake.failStarts.put(0, new AtomicInteger(1)); // the replacement is killed before it listens
        fake.of(0).get(0).die();
        await(() -> pool.states().get(0) == WorkerPool.SlotState.STARTING, "the replacement starting");
        assertThat(pool.healthy()).isEqualTo(1);
        gate.countDown();
        await(() -> pool.healthy() == 2, "slot 0 back");
        assertThat(fake.mostAlive.get(0)).isEqualTo(1);
        assertThat(fake.alive.get(0).get()).isEqualTo(1);
    }

    @Test
    void killsInQuickSuccessionNeverGiveASlotTwoWorkers() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 2);
        for (int round = 0; round < 5; round++) {
            for (int slot = 0; slot < 2; slot++) {
                List<FakeWorker> ws = fake.of(slot);
                ws.get(ws.size() - 1).die();
            }
            // tasks keep asking meanwhile (what made the old pool start a second worker for a restarting slot)
            assertThat(rows(pool)).isEqualTo(expected());
        }
        await(() -> pool.healthy() == 2 && pool.states().stream().allMatch(s -> s == WorkerPool.SlotState.READY), "both slots");
        assertThat(fake.mostAlive.values()).allMatch(n -> n == 1);
        assertThat(fake.alive.get(0).get() + fake.alive.get(1).get()).isEqualTo(2);
    }

    @Test
    void closeStopsEveryWorkerAndEveryRestart() throws Exception {
        FakeWorkers fake = new FakeWorkers();
        WorkerPool pool = pool(fake, 3);
        fake.failStarts.put(1, new AtomicInteger(1000));
        fake.of(1).get(0).die();
        await(() -> pool.states().get(1) == WorkerPool.SlotState.BACKING_OFF, "slot 1 backing off");
        pool.close();
        int starts = pool.starts();
        Thread.sleep(100);
        assertThat(pool.starts()).isEqualTo(starts);
        assertThat(pool.states()).containsOnly(WorkerPool.SlotState.CLOSED);
        assertThat(fake.started).allMatch(w -> w.closes.get() == 1);
        assertThatThrownBy(() -> rows(pool)).isInstanceOf(WorkersUnavailableException.class);
    }
}
