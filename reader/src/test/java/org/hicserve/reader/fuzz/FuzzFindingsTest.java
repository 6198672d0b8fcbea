package org.hicserve.reader.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for what the fuzz campaigns found, with the time limits the seed replay alone does not enforce.
 * The inputs are the files Jazzer wrote, kept under {@code src/test/resources/org/hicserve/reader/fuzz/}.
 */
class FuzzFindingsTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    static Path input(String relative) {
        try {
            return Path.of(FuzzFindingsTest.class.getResource(relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing fuzz input " + relative, e);
        }
    }

    /**
     * CoolerFuzzTest, timeout-448ada03...: a mutated /chroms/name claiming 67,108,866 fixed-length names stored in 16
     * bytes. jHDF materialized the array for ~12 s and ran out of heap (the loader turned the OutOfMemoryError into a
     * MalformedFileException, the validator did it again). Now both refuse the dataset from its dimensions at once.
     */
    @Test
    void hugeClaimedDatasetIsRefusedQuickly(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("claims.cool");
        Files.copy(input("CoolerFuzzTestInputs/coolerBytes/timeout-448ada0317db6f60cbed76a104f6fdf0dcff96d9"), p);
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> MatrixFiles.readMetadata(p))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("/chroms/name claims 67108866 elements")
                .hasMessageContaining("stores only 16 bytes")
                .hasNoCause());
        ValidationReport r = assertTimeoutPreemptively(LIMIT, () -> FileValidator.validate(p));
        assertThat(r.ok()).isFalse();
        assertThat(r.internalErrors()).isZero();
        assertThat(r.errors().get(0).location()).isEqualTo("/chroms/name");
        assertThat(r.errors().get(0).message()).contains("corrupt dimensions");
    }

    /**
     * CoolerFuzzTest, timeout-cca41176...: a corrupt HDF5 object header on which jHDF loops forever (it follows
     * continuation messages without a cycle check). The HDF5 parse now runs under a deadline (cooler/HdfDeadline;
     * 2 s here, 60 s by default) and the file is refused; the caller's thread is not left interrupted.
     */
    @Test
    void loopingHdf5HeaderIsRefusedAfterTheDeadline(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("loop.cool");
        Files.copy(input("CoolerFuzzTestInputs/coolerBytes/timeout-cca4117697195d47a73bad4103014f4e22d122bf"), p);
        String before = System.getProperty("hicserve.reader.hdf5ParseSeconds");
        System.setProperty("hicserve.reader.hdf5ParseSeconds", "2");
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                assertThatThrownBy(() -> MatrixFiles.readMetadata(p)).isInstanceOf(MalformedFileException.class)
                        .hasMessageContaining("HDF5 structure did not parse within 2 s");
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
                ValidationReport r = FileValidator.validate(p);
                assertThat(r.ok()).isFalse();
                assertThat(r.internalErrors()).isZero();
                assertThat(r.errors().get(0).message()).contains("did not parse within");
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
            });
        } finally {
            if (before == null) {
                System.clearProperty("hicserve.reader.hdf5ParseSeconds");
            } else {
                System.setProperty("hicserve.reader.hdf5ParseSeconds", before);
            }
        }
    }

    /**
     * HicFuzzTest, crash-424bb08b...: a chromosome name the fuzzer built from the validator's own "internal error"
     * marker, echoed in a message, was taken for a validator bug. Internal errors are now counted structurally
     * ({@link ValidationReport#internalErrors()}), never recognized by message text.
     */
    @Test
    void markerTextInTheFileIsNotAnInternalError() {
        Path p = input("HicFuzzTestInputs/hicBytes/crash-424bb08bd5a3fed8d7a04b5df395a584c3d8917a");
        ValidationReport r = assertTimeoutPreemptively(LIMIT, () -> FileValidator.validate(p));
        assertThat(r.ok()).isFalse();
        assertThat(r.internalErrors()).isZero();
    }
}
