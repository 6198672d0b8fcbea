package org.hicserve.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hicserve.jar convert}: the command around the writer (tested pixel by pixel in the reader module): exit
 * codes, the summary line, the progress lines on a non-terminal, and refusals that write nothing.
 */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run convert(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConvertCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convertsTheSampleAndTheResultValidates() {
        Path out = dir.resolve("sample.hic");
        Run r = convert(TestData.sample("sample.mcool").toString(), out.toString(), "--resolutions", "500000,100000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(".hic v9", "resolutions [500000, 100000]", "normalizations [ICE]");
        assertThat(r.err()).contains("100.0%").contains("pixels/s").contains("left");
        // not the 0600 of a temp file: other users and tools read the result
        assertThat(out.toFile().canRead()).isTrue();
        try {
            assertThat(Files.getPosixFilePermissions(out)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | java.io.IOException notPosix) {
            // nothing to check on a non-POSIX file system
        }
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        int valid = ValidateCommand.run(new String[] {out.toString()}, new PrintStream(v, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(valid).as(v.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path out = dir.resolve("x.hic");
        Files.writeString(out, "keep me");
        Run r = convert(TestData.sample("sample.mcool").toString(), out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");
    }

    @Test
    void unknownResolutionExits3AndWritesNothing() throws Exception {
        Path out = dir.resolve("x.hic");
        Run r = convert(TestData.sample("sample.mcool").toString(), out.toString(), "--resolutions", "777");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("777").contains("5000");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void hicToCoolerIsExplainedNotAttempted() {
        Run r = convert(TestData.sample("sample.hic").toString(), dir.resolve("x.mcool").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not available").contains("README");
    }

    @Test
    void badCompressionLevelIsUsage() {
        Run r = convert(TestData.sample("sample.mcool").toString(), dir.resolve("x.hic").toString(),
                "--compression-level", "12");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("1 to 9");
    }

    @Test
    void missingInputAndUsage() {
        assertThat(convert(dir.resolve("nope.mcool").toString(), dir.resolve("x.hic").toString()).exit()).isEqualTo(4);
        assertThat(convert().exit()).isEqualTo(2);
        assertThat(convert("a.mcool").exit()).isEqualTo(2);
        assertThat(convert("a.txt", "b.hic").exit()).isEqualTo(2);
    }
}
