package org.hicserve.reader.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversion that fails half-way (broken input, a write error) leaves nothing behind: no temp file, no spill file,
 * and whatever was under the final name before is untouched.
 */
class ConversionFailureTest {
    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFailureMidWayDeletesTheTempAndSpillFilesAndKeepsTheOldFile() throws IOException {
        Path out = tmp.resolve("sample.hic");
        Files.writeString(out, "the previous file");
        AtomicLong seen = new AtomicLong();
        ProgressListener failing = new ProgressListener() {
            @Override
            public void start(long totalPixels) {
            }

            @Override
            public void pixelsRead(long pixels) {
                if (seen.addAndGet(pixels) > 200_000) {
                    throw new IllegalStateException("simulated failure after 200k pixels");
                }
            }
        };
        // a tiny budget: spill files exist when the failure strikes
        assertThatThrownBy(() -> CoolerToHic.convert(TestData.sample("sample.mcool"), out,
                CoolerToHic.Options.defaults().withThreads(2).withBudgetPixels(10_000), failing))
                .hasMessageContaining("simulated failure");
        assertThat(files()).containsExactly(out);
        assertThat(Files.readString(out)).isEqualTo("the previous file");
    }

    @Test
    void aCorruptPixelTableIsAnInputErrorAndNothingIsWritten() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.sample("sample.mcool"));
        // overwrite a stretch in the second half of the file, where the compressed pixel chunks are
        for (int i = bytes.length / 2; i < bytes.length / 2 + 4096; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path in = tmp.resolve("broken.mcool");
        Files.write(in, bytes);
        Path out = tmp.resolve("broken.hic");
        assertThatThrownBy(() -> CoolerToHic.convert(in, out, CoolerToHic.Options.defaults().withThreads(2),
                ProgressListener.NONE)).isInstanceOf(ReaderException.class);
        assertThat(files()).containsExactly(in);
    }
}
