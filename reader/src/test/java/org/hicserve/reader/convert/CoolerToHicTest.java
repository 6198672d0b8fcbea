package org.hicserve.reader.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.hic.HicFile;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.testing.TestData;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Converts every cooler of the test data and the bundled sample to .hic and reads the result back with hicserve's
 * own .hic reader: every pixel of every chromosome pair at every resolution, raw and with every normalization, must
 * equal the source's; so must sub-rectangles (which only find their pixels if the block numbering is right), and the
 * result must pass validation. Equal means: raw counts are the source's rounded to float32 (exact for integer counts
 * below 2^24, the .hic format has nothing wider); normalized values are the stored count divided by the product of
 * the stored float32 vectors (exactly what a .hic reader must compute) and within 1e-6 of the cooler's float64
 * answer (the float32 rounding of two weights).
 */
class CoolerToHicTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> coolers() {
        return Stream.of(
                Arguments.of("sample", "sample.mcool"),
                Arguments.of("shared", "cooler_dm6_100kb_1mb_weights.mcool"),
                Arguments.of("shared", "cooler_toy_5res.mcool"),
                Arguments.of("shared", "cooler_mm9_10mb_weight.cool"),
                Arguments.of("shared", "cooler_yeast_10kb_weight_v2.cool"),
                Arguments.of("shared", "cooler_float_counts_2500kb.cool"));
    }

    static Path source(String where, String name) {
        return where.equals("sample") ? TestData.sample(name) : TestData.shared(name);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("coolers")
    void everyPixelEqualsTheSource(String where, String name) throws IOException {
        Path in = source(where, name);
        Path out = tmp.resolve(name.replaceAll("\\.m?cool$", ".hic"));
        // a small budget makes the bigger files spill sorted runs, so the merge path is tested too
        CoolerToHic.Summary summary = CoolerToHic.convert(in, out,
                CoolerToHic.Options.defaults().withThreads(2).withBudgetPixels(50_000), ProgressListener.NONE);
        assertThat(out).exists();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> !p.equals(out)).toList()).as("temp or spill files left behind").isEmpty();
        }
        ValidationReport report = FileValidator.validate(out);
        assertThat(report.ok()).as(report.problems().toString()).isTrue();

        CoolerMetadata meta = CoolerMetadata.read(in);
        List<Integer> fixed = new ArrayList<>();
        for (int res : meta.resolutions()) {
            try (CoolerFile c = CoolerFile.open(meta, res)) {
                if (c.bins() instanceof FixedBinTable) {
                    fixed.add(res);
                }
            }
        }
        assertThat(summary.resolutions()).containsExactlyInAnyOrderElementsOf(fixed);
        long compared = 0;
        for (int res : fixed) {
            compared += compareResolution(in, out, res);
        }
        assertThat(compared).isEqualTo(summary.pixels());
    }

    /** Compares every pair at one resolution; returns the number of raw pixels compared. */
    private long compareResolution(Path in, Path out, int res) {
        long n = 0;
        Random random = new Random(res);
        try (CoolerFile c = CoolerFile.open(in, res); HicFile h = HicFile.open(out, res, null)) {
            assertThat(h.chromosomes()).isEqualTo(c.chromosomes());
            assertThat(h.hasFloatCounts()).isEqualTo(c.hasFloatCounts());
            List<String> norms = c.normalizations().subList(1, c.normalizations().size());
            for (Chromosome a : c.chromosomes().chromosomes()) {
                for (Chromosome b : c.chromosomes().chromosomes()) {
                    if (b.id() < a.id()) {
                        continue;
                    }
                    GenomicInterval ra = GenomicInterval.whole(a);
                    GenomicInterval rb = GenomicInterval.whole(b);
                    ConvertedPixels raw = ConvertedPixels.fetch(c, ra, rb, "NONE");
                    ConvertedPixels hicRaw = ConvertedPixels.fetch(h, ra, rb, "NONE");
                    assertRawEqual(raw, hicRaw, a.name() + " x " + b.name() + " @" + res);
                    n += raw.size();
                    for (String norm : norms) {
                        String hicNorm = hicName(c, norm);
                        assertNormalizedEqual(c, norm, ConvertedPixels.fetch(c, ra, rb, norm), hicRaw,
                                ConvertedPixels.fetch(h, ra, rb, hicNorm), a.name() + " x " + b.name() + " @" + res + " " + norm);
                    }
                    // sub-rectangles find their pixels only through the right blocks
                    for (int k = 0; k < 2; k++) {
                        GenomicInterval sa = randomInterval(a, random);
                        GenomicInterval sb = randomInterval(b, random);
                        assertRawEqual(ConvertedPixels.fetch(c, sa, sb, "NONE"), ConvertedPixels.fetch(h, sa, sb, "NONE"),
                                sa + " x " + sb + " @" + res);
                    }
                }
            }
        }
        return n;
    }

    static String hicName(CoolerFile c, String norm) {
        return norm.equals("weight") && c.normalizations().stream().noneMatch(s -> s.equalsIgnoreCase("ICE")) ? "ICE" : norm;
    }

    private static GenomicInterval randomInterval(Chromosome c, Random random) {
        long s = (long) (random.nextDouble() * c.length());
        long e = s + (long) (random.nextDouble() * (c.length() - s)) + 1;
        return new GenomicInterval(c, s, Math.min(e, c.length()));
    }

    static void assertRawEqual(ConvertedPixels cooler, ConvertedPixels hic, String what) {
        cooler.assertSamePixels(hic, what);
        for (int i = 0; i < cooler.size(); i++) {
            double want = (float) cooler.value()[i];
            if (hic.value()[i] != want) {
                throw new AssertionError(what + ": pixel (" + cooler.bin1()[i] + ", " + cooler.bin2()[i] + ") is "
                        + hic.value()[i] + " instead of " + want + " (source " + cooler.value()[i] + ")");
            }
        }
    }

    private static void assertNormalizedEqual(CoolerFile c, String norm, ConvertedPixels cooler,
            ConvertedPixels hicRaw, ConvertedPixels hic, String what) {
        cooler.assertSamePixels(hic, what);
        double[] w = c.weightValues(norm);
        boolean divisive = c.isDivisive(norm);
        int j = 0; // hicRaw holds every raw pixel, a superset of the finite normalized ones, in the same order
        for (int i = 0; i < cooler.size(); i++) {
            long b1 = cooler.bin1()[i];
            long b2 = cooler.bin2()[i];
            while (hicRaw.bin1()[j] != b1 || hicRaw.bin2()[j] != b2) {
                j++;
            }
            double v1 = (float) (divisive ? w[(int) b1] : 1.0 / w[(int) b1]);
            double v2 = (float) (divisive ? w[(int) b2] : 1.0 / w[(int) b2]);
            double expected = hicRaw.value()[j] / (v1 * v2);
            double got = hic.value()[i];
            double source = cooler.value()[i];
            if (got != expected || !(Math.abs(got - source) <= Math.abs(source) * 1e-6)) {
                throw new AssertionError(what + ": pixel (" + b1 + ", " + b2 + ") is " + got + "; stored count over "
                        + "stored vectors gives " + expected + ", the cooler " + source);
            }
        }
    }

    @Test
    void unknownResolutionIsRefusedBeforeWriting() {
        Path out = tmp.resolve("x.hic");
        assertThatThrownBy(() -> CoolerToHic.convert(TestData.sample("sample.mcool"), out,
                CoolerToHic.Options.defaults().withResolutions(List.of(12345)), ProgressListener.NONE))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("12345");
        assertThat(out).doesNotExist();
    }
}
