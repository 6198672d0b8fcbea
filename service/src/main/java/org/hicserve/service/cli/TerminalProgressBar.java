package org.hicserve.service.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.hicserve.reader.convert.ProgressListener;

/**
 * A progress bar for {@code convert} on stderr: percent of pixels, rate and time left, redrawn in place at most four
 * times a second on a terminal; on a pipe or a log (no console) one plain line per 10%. Thread-safe: workers report
 * through an atomic counter and whoever crosses a redraw deadline draws.
 */
final class TerminalProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextDraw = new AtomicLong();
    private volatile long total = 1;
    private volatile long startNanos;
    private int lastDecile = -1;
    private boolean drewInPlace;

    TerminalProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void start(long totalPixels) {
        total = Math.max(1, totalPixels);
        startNanos = System.nanoTime();
        nextDraw.set(startNanos);
    }

    @Override
    public void pixelsRead(long pixels) {
        long d = done.addAndGet(pixels);
        long now = System.nanoTime();
        long due = nextDraw.get();
        if (now >= due && nextDraw.compareAndSet(due, now + REDRAW_NANOS)) {
            draw(d, now);
        }
    }

    @Override
    public synchronized void phase(String what) {
        draw(done.get(), System.nanoTime());
        finishLine();
        out.println(what + "...");
    }

    /** Ends the bar's line (before other output). */
    synchronized void finishLine() {
        if (drewInPlace) {
            out.println();
            drewInPlace = false;
        }
    }

    private synchronized void draw(long d, long now) {
        double fraction = Math.min(1.0, (double) d / total);
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = d / seconds;
        String left = rate > 0 && d > 0 ? duration((total - Math.min(d, total)) / rate) : "?";
        String line = String.format("%5.1f%% %s pixels, %s pixels/s, %s elapsed, %s left", fraction * 100,
                count(d) + "/" + count(total), count((long) rate), duration(seconds), left);
        if (interactive) {
            int filled = (int) Math.round(fraction * WIDTH);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + line + "   ");
            out.flush();
            drewInPlace = true;
        } else {
            int decile = (int) (fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line);
            }
        }
    }

    static String count(long n) {
        if (n >= 1_000_000_000L) {
            return String.format("%.2fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format("%.1fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format("%.0fk", n / 1e3);
        }
        return String.valueOf(n);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
