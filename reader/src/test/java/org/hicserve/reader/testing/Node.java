package org.hicserve.reader.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * node and the npm packages of a test folder (a {@code package.json} there, installed by {@code npm ci}, as
 * {@code .ci/run} does). Tests that need them skip when they are absent, unless
 * {@code HICSERVE_REQUIRE_SHARED_DATA=1} makes that a failure.
 */
public final class Node {
    private Node() {
    }

    /** {@code dir}, after checking that node is on PATH and {@code npmPackage} installed in it (skip or fail otherwise). */
    public static Path require(Path dir, String npmPackage) {
        boolean node = onPath("node");
        boolean pkg = Files.isDirectory(dir.resolve("node_modules").resolve(npmPackage));
        if (!node || !pkg) {
            String why = !node ? "node is not on PATH" : npmPackage + " is not installed (npm ci in " + dir + ")";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
        return dir;
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
