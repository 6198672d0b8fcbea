package org.hicserve.service.tiles;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;

/**
 * Expected tiles from {@code service/src/test/python/expected_tiles.py}, run with Debian's {@code /usr/bin/python3}
 * and its {@code cooler}: skipped when that python cannot import cooler, failed under HICSERVE_REQUIRE_SHARED_DATA=1.
 */
final class CoolerTiles {
    static final String PYTHON = System.getProperty("hicserve.python", "/usr/bin/python3");

    /** A tile to compute: resolution, x, y and transform ({@code None}, {@code weight}, {@code KR}...). */
    record Spec(int resolution, long x, long y, String transform) {
        String arg() {
            return resolution + ":" + x + ":" + y + ":" + transform;
        }
    }

    private CoolerTiles() {
    }

    static List<float[]> expected(Path file, List<Spec> specs) throws IOException, InterruptedException {
        require();
        List<String> cmd = new ArrayList<>(List.of(PYTHON,
                TestData.repoRoot().resolve("service/src/test/python/expected_tiles.py").toString(), file.toString()));
        specs.forEach(s -> cmd.add(s.arg()));
        Path out = Files.createTempFile("tiles", ".f32");
        Path err = Files.createTempFile("tiles", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                fail("exit " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
            }
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            List<float[]> tiles = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                float[] t = new float[DenseTile.CELLS];
                buf.asFloatBuffer().get(t);
                buf.position(buf.position() + DenseTile.CELLS * 4);
                tiles.add(t);
            }
            return tiles;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Boolean available;

    static synchronized void require() throws IOException, InterruptedException {
        if (available == null) {
            available = Files.isExecutable(Path.of(PYTHON))
                    && new ProcessBuilder(PYTHON, "-c", "import cooler").start().waitFor() == 0;
        }
        if (!available) {
            String why = PYTHON + " cannot import cooler (Debian python3-cooler)";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
    }
}
