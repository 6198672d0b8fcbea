package org.hicserve.service.worker;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.service.arrow.PixelColumns;

/**
 * A worker reached over Arrow Flight: a local process (started by {@link WorkerLauncher}) or a remote address.
 * Every call carries the worker secret. The channel's HTTP/2 flow-control window is fixed (not grown by gRPC's
 * bandwidth probe), so a stream whose client reads slowly buffers at most {@link #FLOW_WINDOW_BYTES} here
 * before the worker waits. The channel is closed once the worker is retired and no stream uses it any more:
 * closing it under an open stream would free that stream's buffers.
 */
final class FlightWorker implements WorkerHandle {
    static final int FLOW_WINDOW_BYTES = 1 << 20;
    /** Cancels a stream whose worker sent nothing for the task timeout while the service waited. */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor HUNG = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        var e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "worker-hung-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true); // one timer per batch: a cancelled one must not linger (with its stream) until due
        return e;
    }

    private final Process process;
    private final ManagedChannel channel;
    private final FlightClient client;
    private final String address;
    private final CallOption[] options;
    private final Duration taskTimeout;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean channelClosed = new AtomicBoolean();
    private final CompletableFuture<Void> exited;

    FlightWorker(Process process, String host, int port, BufferAllocator allocator, WorkerSecret secret, Duration taskTimeout) {
        this.process = process;
        this.address = host + ":" + port;
        this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE)
                .flowControlWindow(FLOW_WINDOW_BYTES).build();
        this.client = FlightGrpcUtils.createFlightClient(allocator, channel);
        this.taskTimeout = taskTimeout;
        this.options = secret == null ? new CallOption[0] : new CallOption[] {secret.callOption()};
        this.exited = process == null ? new CompletableFuture<>() : process.onExit().thenApply(p -> null);
    }

    @Override
    public WorkerStream open(WorkerTask task) {
        users.incrementAndGet();
        FlightStream stream;
        try {
            stream = client.getStream(new Ticket(task.encode()), options);
        } catch (RuntimeException e) {
            release();
            throw new WorkerFailure(address + ": " + e, e);
        }
        return new WorkerStream() {
            private boolean ended;
            private boolean closed;
            private volatile boolean hung;

            @Override
            public PixelBatch next() {
                // hung = no batch for task-timeout while we wait for one; time parked behind a slow client does not count
                java.util.concurrent.ScheduledFuture<?> watchdog = HUNG.schedule(() -> {
                    hung = true;
                    stream.cancel("no batch within " + taskTimeout, null);
                }, taskTimeout.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    if (!stream.next()) {
                        ended = true;
                        return null;
                    }
                    return PixelColumns.toBatch(stream.getRoot(), 0);
                } catch (FlightRuntimeException e) {
                    ended = true;
                    if (e.status().code() == FlightStatusCode.INVALID_ARGUMENT) {
                        String d = String.valueOf(e.status().description());
                        throw new MalformedFileException(d.startsWith(PixelFlightProducer.MALFORMED_PREFIX)
                                ? d.substring(PixelFlightProducer.MALFORMED_PREFIX.length()) : d);
                    }
                    throw new WorkerFailure(address + (hung ? ": hung, no batch within " + taskTimeout + "; " : ": ")
                            + e.status().code() + " " + e.status().description(), e);
                } catch (RuntimeException e) {
                    ended = true; // the connection broke some other way
                    throw new WorkerFailure(address + ": " + e, e);
                } finally {
                    watchdog.cancel(false);
                }
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (!ended) {
                        stream.cancel("the answer was cancelled", null);
                    }
                    stream.close();
                } catch (Exception ignored) {
                    // a cancelled or broken stream may complain on close
                } finally {
                    release();
                }
            }
        };
    }

    private void release() {
        users.decrementAndGet();
        closeChannelIfUnused();
    }

    private void closeChannelIfUnused() {
        if (retired.get() && users.get() == 0 && channelClosed.compareAndSet(false, true)) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing a broken channel may fail; it is shut down below either way
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Override
    public CompletableFuture<Void> exited() {
        return exited;
    }

    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public String address() {
        return address;
    }

    /** Kills the process (and waits for it to be gone); the channel closes when its last stream does. */
    @Override
    public void close() {
        retired.set(true);
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeChannelIfUnused();
    }

    boolean alive() {
        return process == null || process.isAlive();
    }
}
