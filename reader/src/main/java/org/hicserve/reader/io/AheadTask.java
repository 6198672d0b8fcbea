package org.hicserve.reader.io;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hicserve.reader.error.MalformedFileException;

/**
 * One unit decoded ahead of a reading thread (a .hic block, a window of cooler chunks): whoever claims it first, a
 * decoder thread ({@link #run}) or the reading thread when it gets there ({@link #take}), decodes it, so a busy pool
 * never makes the reader wait for a unit nobody has started. Thread-safe.
 */
public final class AheadTask<T> {
    private final Supplier<T> decode;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    public AheadTask(Supplier<T> decode) {
        this.decode = decode;
    }

    /** On a decoder thread: decodes unless the reader claimed it or it was dropped. */
    public void run() {
        if (claimed.compareAndSet(false, true)) {
            try {
                result.complete(decode.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }

    /** Never to be started (the answer ended or went elsewhere); a decode already running finishes, ignored. */
    public void drop() {
        claimed.set(true);
    }

    /**
     * The reading thread's: decodes here when no decoder started, else waits for the decoder's result. A decoder's
     * failure is thrown as the reading thread's own decode would have thrown it.
     */
    public T take() {
        if (claimed.compareAndSet(false, true)) {
            return decode.get(); // nobody started it: faster to do it here than to wait
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while decoding");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new MalformedFileException("decoding failed: " + e.getCause());
        }
    }
}
