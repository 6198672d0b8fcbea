package org.hicserve.service.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code service/src/test/node}: node and the npm packages of its package.json (hic-straw, playwright-core; installed
 * by {@code npm ci} there, as .ci/run does). Tests that need them skip when absent, unless
 * HICSERVE_REQUIRE_SHARED_DATA=1.
 */
public final class TestNode {
    private TestNode() {
    }

    public static Path dir() {
        return TestData.repoRoot().resolve("service/src/test/node");
    }

    /** The folder, after checking node and one package are there (skip or fail otherwise). */
    public static Path require(String npmPackage) {
        boolean node = onPath("node");
        boolean pkg = Files.isDirectory(dir().resolve("node_modules").resolve(npmPackage));
        if (!node || !pkg) {
            String why = !node ? "node is not on PATH" : npmPackage + " is not installed (npm ci in " + dir() + ")";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
        return dir();
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
