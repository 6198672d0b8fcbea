package org.hicserve.reader.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find their files.
 * <ul>
 * <li>{@link #sample}: the bundled demo data in the repository's {@code test-data/}; always there.</li>
 * <li>{@link #shared}: the real files of other projects in {@code ../shared/test-data} (or {@code $HICSERVE_TEST_DATA}),
 * read in place and never copied. When absent the test is skipped, unless {@code HICSERVE_REQUIRE_SHARED_DATA=1}
 * (set by {@code .ci/run}) makes their absence a failure.</li>
 * </ul>
 */
public final class TestData {
    private TestData() {
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("test-data")) && Files.exists(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("reader"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    public static Path sample(String name) {
        Path p = repoRoot().resolve("test-data").resolve(name);
        if (!Files.exists(p)) {
            fail("bundled sample file missing: " + p);
        }
        return p;
    }

    public static Path sharedDir() {
        String env = System.getenv("HICSERVE_TEST_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return repoRoot().getParent().resolve("shared").resolve("test-data");
    }

    public static boolean sharedRequired() {
        return "1".equals(System.getenv("HICSERVE_REQUIRE_SHARED_DATA"))
                || "true".equalsIgnoreCase(System.getenv("HICSERVE_REQUIRE_SHARED_DATA"));
    }

    /** A file of ../shared/test-data; skips the test when absent (fails instead under CI). */
    public static Path shared(String name) {
        Path p = sharedDir().resolve(name);
        if (!Files.exists(p)) {
            if (sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + p + " is missing");
            }
            Assumptions.abort("shared test data not present: " + p);
        }
        return p;
    }

    /** Lines of a CSV file without its header. */
    public static List<String[]> csv(Path p) {
        try {
            List<String[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies bundled samples into {@code dir}, for a service's data directory: each target is a path relative to
     * {@code dir} whose file name is the sample's ({@code sample.mcool}, {@code lab/sample.hic}).
     *
     * @return {@code dir}
     */
    public static Path copySamples(Path dir, String... targets) {
        try {
            for (String target : targets) {
                Path to = dir.resolve(target);
                Files.createDirectories(to.getParent());
                Files.copy(sample(to.getFileName().toString()), to);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copy of a file into a temporary directory, for corruption tests (the originals are never modified). */
    public static Path copyTo(Path source, Path dir) {
        try {
            Path target = dir.resolve(source.getFileName());
            Files.copy(source, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
