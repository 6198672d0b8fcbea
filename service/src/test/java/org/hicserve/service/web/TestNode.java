package org.hicserve.service.web;

import java.nio.file.Path;
import org.hicserve.reader.testing.Node;
import org.hicserve.reader.testing.TestData;

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
        return Node.require(dir(), npmPackage);
    }
}
