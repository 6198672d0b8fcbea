package org.hicserve.reader.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The independent .hic reader the tests compare with: the npm package hic-straw 2.1.4 (Juicebox's reader), run by
 * the node scripts in {@code reader/src/test/node} (install with {@code npm ci} there).
 */
public final class HicStraw {
    private HicStraw() {
    }

    /** The folder of the node scripts and their {@code node_modules}. */
    public static Path nodeDir() {
        return TestData.repoRoot().resolve("reader").resolve("src").resolve("test").resolve("node");
    }

    /** Skips the test when node or hic-straw is missing; fails it instead when {@code HICSERVE_REQUIRE_SHARED_DATA=1}. */
    public static void require() {
        Node.require(nodeDir(), "hic-straw");
    }

    /**
     * Runs {@code node script args...} in {@link #nodeDir()}, writing {@code input} to its stdin (one line each, then
     * closed) while reading its stdout. Fails the test unless it exits 0 within {@code limit}.
     *
     * @param what what is asked, for the failure message
     * @return the lines it printed, empty ones left out
     */
    public static List<String> run(String script, List<String> args, List<String> input, Duration limit, String what) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).directory(nodeDir().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
                    for (String line : input) {
                        w.write(line + "\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
            feed.join();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail("hic-straw (" + script + ") failed on " + what);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
