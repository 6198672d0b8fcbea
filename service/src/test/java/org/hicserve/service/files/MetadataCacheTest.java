package org.hicserve.service.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation on first open: a file the reader parses but the cheap check refuses is not served. */
class MetadataCacheTest {
    @Test
    void aFileThatFailsTheCheckIsRefusedOnlyWhenValidating(@TempDir Path dir) throws IOException {
        // every cooler group's format attribute renamed in place: the metadata parses, the check finds each one
        byte[] bytes = Files.readAllBytes(TestData.sample("sample.mcool"));
        assertThat(replaceAll(bytes, "HDF5::Cooler", "HDF5::Kooler")).isPositive();
        Path renamed = dir.resolve("renamed.mcool");
        Files.write(renamed, bytes);

        assertThatThrownBy(() -> new MetadataCache(4, true).get(renamed)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("renamed.mcool failed validation")
                .hasMessageContaining("format attribute is 'HDF5::Kooler', expected HDF5::Cooler");
        assertThat(new MetadataCache(4, false).get(renamed).resolutions()).isNotEmpty();
        assertThat(new MetadataCache(4, true).get(TestData.sample("sample.mcool")).resolutions())
                .isEqualTo(new MetadataCache(4, false).get(renamed).resolutions());
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length); returns how many. */
    private static int replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        int n = 0;
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
                n++;
            }
        }
        return n;
    }
}
