package org.hicserve.reader.cooler;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code reader/src/test/python/cooler_dump.py} with Debian's {@code /usr/bin/python3} (which has the
 * {@code cooler} package). Tests using it are skipped when that python cannot import cooler, unless
 * {@code HICSERVE_REQUIRE_SHARED_DATA=1}, which makes it a failure.
 */
final class CoolerPython {
    static final String PYTHON = System.getProperty("hicserve.python", "/usr/bin/python3");
    private static Boolean available;

    private CoolerPython() {
    }

    static Path script() {
        return TestData.repoRoot().resolve("reader/src/test/python/cooler_dump.py");
    }

    /** Skips the calling test (or fails it under CI) when python + cooler are not usable. */
    static synchronized void require() {
        if (available == null) {
            available = Files.isExecutable(Path.of(PYTHON)) && tryRun(List.of("check"));
        }
        if (!available) {
            String why = PYTHON + " cannot import cooler (Debian python3-cooler)";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
    }

    private static boolean tryRun(List<String> args) {
        try {
            run(args);
            return true;
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }

    /** stdout lines of {@code cooler_dump.py ARGS}; fails the test on a non-zero exit. */
    static List<String> run(List<String> args) {
        return run(script(), args);
    }

    /** stdout lines of another script of {@code reader/src/test/python}; fails the test on a non-zero exit. */
    static List<String> run(Path script, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.add(script.toString());
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile("cooler_dump", ".tsv");
            Path err = Files.createTempFile("cooler_dump", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + cmd);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
                }
                return Files.readAllLines(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Pixel> pixels(List<String> args) {
        List<Pixel> px = new ArrayList<>();
        for (String line : run(args)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            px.add(new Pixel(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2])));
        }
        return px;
    }
}
