package org.hicserve.reader.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.hic.HicMetadata;
import org.hicserve.reader.hic.MatrixZoom;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.LocalFileSource;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FileValidator}: clean files validate, and each kind of corruption is reported in words with its location.
 * Corrupt coolers are written by {@code make_cooler.py} (next to this test's resources) with Debian's
 * {@code /usr/bin/python3} + cooler/h5py; those tests are skipped when it cannot import cooler, and fail instead when
 * {@code HICSERVE_REQUIRE_SHARED_DATA=1}.
 */
class ValidatorTest {
    static final String PYTHON = System.getProperty("hicserve.python", "/usr/bin/python3");
    private static Boolean pythonOk;

    // -------------------------------------------------------------------------------------------------------------
    // clean files

    @Test
    void bundledSamplesValidate() {
        for (String name : List.of("sample.hic", "sample.mcool")) {
            Path p = TestData.sample(name);
            ValidationReport full = FileValidator.validate(p);
            assertThat(full.ok()).as(full.toString()).isTrue();
            assertThat(full.problems()).as(full.toString()).isEmpty();
            assertThat(full.format()).isEqualTo(name.endsWith(".hic") ? FileFormat.HIC : FileFormat.MCOOL);
            ValidationReport quick = FileValidator.quickCheck(p);
            assertThat(quick.ok()).as(quick.toString()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"juicer_v9_dm6_100kb_ice.hic", "juicer_v8_hg19_chr22only_9res.hic",
            "juicer_v8_hg19_2500kb_allnorms.hic", "juicer_v8_hg38_6res_nonorms.hic", "orca_v8_tiny_bp.hic",
            "orca_v8_tiny_frag.hic", "cooler_dm6_100kb_1mb_weights.mcool", "cooler_toy_5res.mcool",
            "cooler_mm9_10mb_weight.cool", "cooler_yeast_10kb_weight_v2.cool", "cooler_float_counts_2500kb.cool"})
    void realFilesValidate(String name) {
        Path p = TestData.shared(name);
        ValidationReport r = FileValidator.validate(p);
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.internalErrors()).isZero();
        if (name.equals("juicer_v8_hg38_6res_nonorms.hic")) {
            // PROVENANCE.md: this Juicer file stores records past the chromosome ends; a warning, not an error
            assertThat(r.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.message()).contains("past the end"));
            assertThat(r.warnings().get(0).location()).startsWith("matrix ");
        } else {
            assertThat(r.problems()).as(r.toString()).isEmpty();
        }
        assertThat(FileValidator.quickCheck(p).ok()).isTrue();
    }

    // -------------------------------------------------------------------------------------------------------------
    // .hic corruption

    @Test
    void truncatedHicIsCaught(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(TestData.sample("sample.hic"));
        for (int cut : new int[] {b.length / 2, b.length - 10, 3}) {
            Path p = dir.resolve("cut-" + cut + ".hic");
            Files.write(p, java.util.Arrays.copyOf(b, cut));
            for (ValidationReport r : List.of(FileValidator.validate(p), FileValidator.quickCheck(p))) {
                assertThat(r.ok()).as(r.toString()).isFalse();
                Problem e = r.errors().get(0);
                if (cut == 3) {
                    assertThat(e.location()).isEqualTo("file");
                    assertThat(e.message()).contains("neither a .hic file").contains("3 bytes");
                } else {
                    assertThat(e.location()).isEqualTo("header/footer");
                    assertThat(e.message()).containsAnyOf("outside the file", "truncated", "end of");
                }
            }
        }
    }

    /** A byte flipped inside a compressed block: the indexes are fine (quickCheck), decoding every block is not. */
    @Test
    void corruptHicBlockIsCaughtByTheFullCheckOnly(@TempDir Path dir) throws IOException {
        Path p = TestData.copyTo(TestData.sample("sample.hic"), dir);
        HicMetadata m = HicMetadata.read(p);
        String key = m.footer().masterIndex().keySet().stream().filter(k -> !k.startsWith("0_")).sorted().findFirst()
                .orElseThrow();
        int c1 = Integer.parseInt(key.substring(0, key.indexOf('_')));
        int c2 = Integer.parseInt(key.substring(key.indexOf('_') + 1));
        int res = m.resolutions().get(0);
        var entry = m.footer().masterIndex().get(key);
        MatrixZoom zoom;
        try (LocalFileSource ch = LocalFileSource.open(p)) {
            zoom = MatrixZoom.read(BinaryCursor.ofChannel(ch, "test", entry.position(), entry.position() + entry.size()),
                    c1, c2, "BP", res, m.fileSize()).orElseThrow();
        }
        int b = 0;
        long at = zoom.positions()[b] + zoom.sizes()[b] / 2;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            ch.write(one, at);
        }
        assertThat(FileValidator.quickCheck(p).ok()).isTrue();
        ValidationReport r = FileValidator.validate(p);
        assertThat(r.ok()).as(r.toString()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("matrix " + key + " BP " + res + " block " + zoom.blockNumbers()[b]);
            assertThat(e.message()).contains("does not decode");
        });
    }

    @Test
    void garbageIsNeitherFormat(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("x.hic");
        Files.writeString(p, "not a matrix file at all");
        ValidationReport r = FileValidator.validate(p);
        assertThat(r.ok()).isFalse();
        assertThat(r.format()).isNull();
        assertThat(r.errors().get(0).message()).contains("neither a .hic file");
    }

    // -------------------------------------------------------------------------------------------------------------
    // cooler corruption

    @Test
    void truncatedMcoolIsCaught(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(TestData.sample("sample.mcool"));
        for (int cut : new int[] {b.length / 3, b.length - 100}) {
            Path p = dir.resolve("cut-" + cut + ".mcool");
            Files.write(p, java.util.Arrays.copyOf(b, cut));
            ValidationReport r = FileValidator.validate(p);
            assertThat(r.ok()).as(r.toString()).isFalse();
            assertThat(r.internalErrors()).isZero();
            assertThat(r.errors().get(0).message()).isNotBlank();
        }
    }

    @Test
    void cleanPythonCoolersValidate(@TempDir Path dir) {
        for (String mode : List.of("clean", "mcool")) {
            Path p = makeCooler(dir, mode).file();
            ValidationReport r = FileValidator.validate(p);
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.problems()).as(r.toString()).isEmpty();
        }
    }

    /** Two pixels of one row swapped: only the pixel scan sees it. */
    @Test
    void unsortedPixelTableIsCaught(@TempDir Path dir) {
        Made made = makeCooler(dir, "swap");
        assertThat(FileValidator.quickCheck(made.file()).ok()).isTrue();
        ValidationReport r = FileValidator.validate(made.file());
        assertThat(r.ok()).as(r.toString()).isFalse();
        assertThat(r.errors()).hasSize(1);
        Problem e = r.errors().get(0);
        assertThat(e.location()).isEqualTo("/pixels/bin2_id[" + made.index() + "]");
        assertThat(e.message()).contains("pixel " + made.index()).contains("must be sorted by bin1_id then bin2_id");
    }

    /** A row written twice, as cooler <= 0.8.3 zoomify did: duplicate pixels. */
    @Test
    void duplicatedRowsAreCaught(@TempDir Path dir) {
        Made made = makeCooler(dir, "dupes");
        ValidationReport r = FileValidator.validate(made.file());
        assertThat(r.ok()).as(r.toString()).isFalse();
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.location()).startsWith("/pixels/bin2_id"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).containsAnyOf("are both", "sorted"));
    }

    /**
     * bin1_offset of one row moved back by one, still non-decreasing (metadata loading accepts it): the scan finds the
     * pixel whose bin1_id disagrees with the row the index gives it.
     */
    @Test
    void shiftedBin1OffsetIsCaught(@TempDir Path dir) {
        Made made = makeCooler(dir, "offset");
        assertThat(FileValidator.quickCheck(made.file()).ok()).isTrue();
        ValidationReport r = FileValidator.validate(made.file());
        assertThat(r.ok()).as(r.toString()).isFalse();
        Problem e = r.errors().get(0);
        assertThat(e.location()).startsWith("/pixels/bin1_id[");
        assertThat(e.message()).contains("bin1_offset puts it in row " + made.index()).contains("zoomify");
    }

    /** bin1_offset values swapped (decreasing): caught by both checks, at the entry. */
    @Test
    void decreasingBin1OffsetIsCaught(@TempDir Path dir) {
        Made made = makeCooler(dir, "offset_decr");
        for (ValidationReport r : List.of(FileValidator.quickCheck(made.file()), FileValidator.validate(made.file()))) {
            assertThat(r.ok()).as(r.toString()).isFalse();
            Problem e = r.errors().get(0);
            assertThat(e.location()).isEqualTo("/indexes/bin1_offset[" + (made.index() + 1) + "]");
            assertThat(e.message()).contains("must not decrease");
        }
    }

    @Test
    void lowerTrianglePixelIsCaught(@TempDir Path dir) {
        Made made = makeCooler(dir, "lower");
        ValidationReport r = FileValidator.validate(made.file());
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("/pixels/bin2_id[" + made.index() + "]");
            assertThat(e.message()).contains("below the diagonal");
        });
    }

    /**
     * The check a server runs when it first opens a file comes from the parse itself: {@link FileValidator#readChecked}
     * opens the file no more often than parsing alone (path null: jHDF reads through the opener's source too, so a
     * second HDF5 parse would show as another open), and finds what the standalone check finds, here on a file the
     * reader accepts but the check does not.
     */
    @Test
    void theCheckOnFirstOpenReusesTheParse(@TempDir Path dir) {
        Made made = makeCooler(dir, "bins");
        String name = made.file().getFileName().toString();
        CountingOpener parseOnly = new CountingOpener(LocalFileSource.opener(made.file()));
        MatrixFiles.readMetadata(name, null, parseOnly);
        CountingOpener parseAndCheck = new CountingOpener(LocalFileSource.opener(made.file()));
        FileValidator.Checked checked = FileValidator.readChecked(name, null, parseAndCheck);
        assertThat(parseAndCheck.opened).isEqualTo(parseOnly.opened).isPositive();

        ValidationReport r = checked.report();
        assertThat(checked.metadata().format()).isEqualTo(FileFormat.COOL);
        assertThat(r.format()).isEqualTo(FileFormat.COOL);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("/bins/start[" + made.index() + "]");
            assertThat(e.message()).contains("bin " + made.index() + " of chrA is 30000-40001, expected 30000-40000");
        });
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.location()).isEqualTo("/@nnz"));
        assertThat(r.problems()).isEqualTo(FileValidator.quickCheck(made.file()).problems());
        assertThat(r.internalErrors()).isZero();

        for (String sample : List.of("sample.mcool", "sample.hic")) {
            Path p = TestData.sample(sample);
            CountingOpener alone = new CountingOpener(LocalFileSource.opener(p));
            MatrixFiles.readMetadata(sample, null, alone);
            CountingOpener both = new CountingOpener(LocalFileSource.opener(p));
            FileValidator.Checked c = FileValidator.readChecked(sample, null, both);
            // the .hic check reads the block indexes, which the metadata does not hold, through one source of its own
            assertThat(both.opened).as(sample).isEqualTo(alone.opened + (sample.endsWith(".hic") ? 1 : 0));
            assertThat(c.report().ok()).as(c.report().toString()).isTrue();
            assertThat(c.metadata().resolutions()).isEqualTo(MatrixFiles.readMetadata(p).resolutions());
        }
    }

    /** Counts the sources opened on a file. */
    private static final class CountingOpener implements ByteSource.Opener {
        private final ByteSource.Opener opener;
        int opened;

        CountingOpener(ByteSource.Opener opener) {
            this.opener = opener;
        }

        @Override
        public ByteSource open() throws IOException {
            opened++;
            return opener.open();
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // python helper

    record Made(Path file, long index) {
    }

    static Path script() {
        return TestData.repoRoot().resolve("reader/src/test/resources/org/hicserve/reader/validate/make_cooler.py");
    }

    static synchronized void requirePython() {
        if (pythonOk == null) {
            pythonOk = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import cooler, h5py")) != null;
        }
        if (!pythonOk) {
            String why = PYTHON + " cannot import cooler and h5py (Debian python3-cooler)";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
    }

    static Made makeCooler(Path dir, String mode) {
        requirePython();
        Path out = dir.resolve(mode + (mode.equals("mcool") ? ".mcool" : ".cool"));
        String stdout = run(List.of(PYTHON, script().toString(), out.toString(), mode));
        if (stdout == null) {
            fail("make_cooler.py " + mode + " failed");
        }
        return new Made(out, Long.parseLong(stdout.strip()));
    }

    /** stdout of a command, or null when it fails. */
    static String run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("make_cooler", ".out");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                return p.exitValue() == 0 ? Files.readString(out) : null;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
