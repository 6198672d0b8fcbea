package org.hicserve.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hicserve.jar validate}: exit 0 for sound files, 1 with the problems in words for broken ones. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run validate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void soundFilesPass() {
        Run r = validate(TestData.sample("sample.mcool").toString(), TestData.sample("sample.hic").toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("sample.mcool: OK", "sample.hic: OK");
    }

    @Test
    void aTruncatedHicFails() throws Exception {
        byte[] hic = Files.readAllBytes(TestData.sample("sample.hic"));
        Path cut = dir.resolve("cut.hic");
        Files.write(cut, Arrays.copyOf(hic, hic.length - 1000));
        Run r = validate(cut.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("cut.hic: INVALID").contains("ERROR");
    }

    @Test
    void usage() {
        assertThat(validate().exit()).isEqualTo(2);
    }
}
