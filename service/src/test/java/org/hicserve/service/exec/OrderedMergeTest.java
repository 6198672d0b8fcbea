package org.hicserve.service.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.model.PixelBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedMerge} below HTTP, with fake chromosome sources: order, parking a slow consumer's tasks without a
 * thread, a fair share of the executor between a long stream and a small query, cancellation, a failing task,
 * and a full executor.
 */
class OrderedMergeTest {
    private final List<ExecutorService> executors = new ArrayList<>();

    @AfterEach
    void stopExecutors() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService pool(int threads) {
        ExecutorService e = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(64));
        executors.add(e);
        return e;
    }

    /** A chromosome of {@code batches} one-row batches whose bin1 is {@code id * 1_000_000 + i}. */
    static final class FakeChromosome {
        final int id;
        final int batches;
        final int failAt;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger produced = new AtomicInteger();

        FakeChromosome(int id, int batches) {
            this(id, batches, -1);
        }

        FakeChromosome(int id, int batches, int failAt) {
            this.id = id;
            this.batches = batches;
            this.failAt = failAt;
        }

        ChromosomeTask resumable() {
            return ChromosomeTask.resumable(() -> {
                opened.incrementAndGet();
                return new BatchSource() {
                    @Override
                    public PixelBatch next() {
                        int i = produced.get();
                        if (i == failAt) {
                            throw new IllegalStateException("chromosome " + id + " is corrupt at batch " + i);
                        }
                        if (i >= batches) {
                            return null;
                        }
                        produced.incrementAndGet();
                        return batch(id * 1_000_000L + i);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            });
        }

        /** The same as a push task (holds its thread), as callers that do not use {@link ChromosomeTask#resumable}. */
        ChromosomeTask pushing() {
            return out -> {
                opened.incrementAndGet();
                try {
                    for (int i = 0; i < batches; i++) {
                        produced.incrementAndGet();
                        out.accept(batch(id * 1_000_000L + i));
                    }
                } finally {
                    closed.incrementAndGet();
                }
            };
        }

        List<Long> expected() {
            List<Long> l = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                l.add(id * 1_000_000L + i);
            }
            return l;
        }
    }

    static PixelBatch batch(long bin1) {
        PixelBatch b = PixelBatch.ofInts(1);
        b.bin1()[0] = bin1;
        b.bin2()[0] = bin1;
        b.intCounts()[0] = 1;
        return b.withSize(1);
    }

    static List<Long> drain(OrderedMerge m) {
        List<Long> out = new ArrayList<>();
        while (m.hasNext()) {
            PixelBatch b = m.next();
            for (int i = 0; i < b.size(); i++) {
                out.add(b.bin1()[i]);
            }
        }
        return out;
    }

    @Test
    void batchesComeInChromosomeOrderWhateverTheirSpeed() {
        List<FakeChromosome> chroms = List.of(new FakeChromosome(1, 7), new FakeChromosome(2, 0), new FakeChromosome(3, 31),
                new FakeChromosome(4, 1), new FakeChromosome(5, 12));
        List<Long> expected = new ArrayList<>();
        chroms.forEach(c -> expected.addAll(c.expected()));
        for (boolean resumable : new boolean[] {true, false}) {
            chroms.forEach(c -> c.produced.set(0));
            try (OrderedMerge m = new OrderedMerge(pool(2), chroms.stream().map(c -> resumable ? c.resumable() : c.pushing())
                    .toList(), 3, 1)) {
                assertThat(drain(m.start())).as("resumable=" + resumable).isEqualTo(expected);
            }
        }
        chroms.forEach(c -> assertThat(c.closed.get()).isEqualTo(c.opened.get()).isEqualTo(2));
    }

    @Test
    void aSlowConsumerParksItsTasksWithoutHoldingAThread() {
        ExecutorService one = pool(1);
        List<OrderedMerge> slow = new ArrayList<>();
        List<FakeChromosome> slowChroms = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // three answers whose clients read one batch and then nothing
            FakeChromosome a = new FakeChromosome(10 + 2 * i, 1000);
            FakeChromosome b = new FakeChromosome(11 + 2 * i, 1000);
            slowChroms.add(a);
            slowChroms.add(b);
            OrderedMerge m = new OrderedMerge(one, List.of(a.resumable(), b.resumable()), 2, 2).start();
            assertThat(m.hasNext()).isTrue();
            m.next();
            slow.add(m);
        }
        FakeChromosome small = new FakeChromosome(1, 5);
        // with the executor's only thread held by a blocked producer this would never end
        List<Long> got = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (OrderedMerge m = new OrderedMerge(one, List.of(small.resumable()), 1, 2)) {
                return drain(m.start());
            }
        });
        assertThat(got).isEqualTo(small.expected());
        for (FakeChromosome c : slowChroms) {
            assertThat(c.closed.get()).as("a slow answer's source is still open").isZero();
            assertThat(c.produced.get()).as("read ahead is bounded by the queue").isLessThanOrEqualTo(3);
        }
        // and the slow answers are intact when their clients read on
        for (int i = 0; i < 3; i++) {
            List<Long> rest = drain(slow.get(i));
            List<Long> expected = new ArrayList<>(slowChroms.get(2 * i).expected());
            expected.addAll(slowChroms.get(2 * i + 1).expected());
            assertThat(rest).isEqualTo(expected.subList(1, expected.size()));
            slow.get(i).close();
        }
        // a source is closed by the executor thread that read its last batch, just after handing it over
        long until = System.nanoTime() + 10_000_000_000L;
        while (slowChroms.stream().anyMatch(c -> c.closed.get() == 0) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        slowChroms.forEach(c -> assertThat(c.closed.get()).isEqualTo(1));
    }

    @Test
    void aSmallQueryIsNotQueuedBehindALongStream() throws Exception {
        ExecutorService one = pool(1);
        FakeChromosome big = new FakeChromosome(1, 200_000);
        OrderedMerge longStream = new OrderedMerge(one, List.of(big.resumable()), 1, 2).start();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> { // a fast client: never parks, always wants more
            while (!stop.get() && longStream.hasNext()) {
                longStream.next();
            }
            longStream.close(); // by the thread that iterates, as the response does
        });
        reader.start();
        try {
            while (big.produced.get() < 10) {
                Thread.onSpinWait();
            }
            FakeChromosome small = new FakeChromosome(2, 3);
            List<Long> got = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (OrderedMerge m = new OrderedMerge(one, List.of(small.resumable()), 1, 2)) {
                    return drain(m.start());
                }
            });
            assertThat(got).isEqualTo(small.expected());
            assertThat(big.produced.get()).as("the long stream is still running").isLessThan(big.batches);
        } finally {
            stop.set(true);
            reader.join(30_000);
        }
        assertThat(big.closed.get()).isEqualTo(1);
    }

    @Test
    void closeReleasesRunningParkedAndUnstartedTasks() throws Exception {
        ExecutorService two = pool(2);
        List<FakeChromosome> chroms = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            chroms.add(new FakeChromosome(i, 50));
        }
        OrderedMerge m = new OrderedMerge(two, chroms.stream().map(FakeChromosome::resumable).toList(), 3, 2).start();
        for (int i = 0; i < 60; i++) {
            m.next(); // into the second chromosome; the third and fourth are parked with full queues
        }
        m.close();
        assertThat(m.hasNext()).isFalse();
        for (FakeChromosome c : chroms) {
            assertThat(c.closed.get()).as("chromosome " + c.id).isEqualTo(c.opened.get());
        }
        assertThat(chroms.get(5).opened.get()).as("never started, never opened").isZero();
        // the executor's threads are free again
        FakeChromosome after = new FakeChromosome(9, 3);
        try (OrderedMerge again = new OrderedMerge(two, List.of(after.resumable()), 1, 1)) {
            assertThat(drain(again.start())).isEqualTo(after.expected());
        }
    }

    @Test
    void aFailingTaskFailsTheAnswerAfterTheBatchesBeforeIt() {
        FakeChromosome good = new FakeChromosome(1, 4);
        FakeChromosome bad = new FakeChromosome(2, 10, 3);
        FakeChromosome later = new FakeChromosome(3, 10);
        OrderedMerge m = new OrderedMerge(pool(2), List.of(good.resumable(), bad.resumable(), later.resumable()), 3, 2)
                .start();
        List<Long> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (m.hasNext()) {
                got.add(m.next().bin1()[0]);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("chromosome 2 is corrupt at batch 3");
        List<Long> expected = new ArrayList<>(good.expected());
        expected.addAll(bad.expected().subList(0, 3));
        assertThat(got).isEqualTo(expected);
        m.close();
        for (FakeChromosome c : List.of(good, bad, later)) {
            assertThat(c.closed.get()).isEqualTo(c.opened.get());
        }
    }

    @Test
    void aFullExecutorIsRefusedBeforeTheAnswer() throws Exception {
        ThreadPoolExecutor busy = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        executors.add(busy);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        busy.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        FakeChromosome c = new FakeChromosome(1, 3);
        OrderedMerge m = new OrderedMerge(busy, List.of(c.resumable()), 1, 1);
        assertThatThrownBy(m::start).isInstanceOf(SaturatedException.class);
        hold.countDown();
        assertThat(c.opened.get()).isZero();
    }

    @Test
    void aRefusedResumeIsReadByTheResponseThread() {
        // one thread, no queue: once the first step has run, every later resubmission is refused
        ThreadPoolExecutor tiny = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        executors.add(tiny);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        FakeChromosome c = new FakeChromosome(1, 40);
        try (OrderedMerge m = new OrderedMerge(tiny, List.of(c.resumable()), 1, 2).start()) {
            assertThat(m.hasNext()).isTrue();
            Runnable blocker = () -> {
                try {
                    hold.await();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            };
            while (true) { // once the first step has parked, the executor is busy from now on
                try {
                    tiny.execute(blocker);
                    break;
                } catch (java.util.concurrent.RejectedExecutionException stillRunning) {
                    Thread.onSpinWait();
                }
            }
            List<Long> got = new ArrayList<>();
            got.add(m.next().bin1()[0]);
            got.addAll(drain(m));
            assertThat(got).isEqualTo(c.expected());
        } finally {
            hold.countDown();
        }
    }
}
