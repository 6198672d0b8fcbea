package org.hicserve.reader.crossformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same contacts in a .hic and an .mcool answer the same: raw pixels identical; the .hic's divisive float32
 * vector and the cooler's multiplicative float64 weights give the same pixels to float32 precision and the same
 * sums to 1e-8 relative (what REFERENCE.md shows for hic-straw against cooler). On the real dm6 pair
 * (../shared: hic ICE vs mcool weight) and on the bundled sample (raw only: its .hic has no ICE).
 */
class SameDataBothFormatsTest {
    static Stream<Arguments> dm6Queries() {
        return Stream.of(
                Arguments.of("chr2R", "chr2R"), Arguments.of("chr2L", "chr2R"), Arguments.of("chrX", "chr2L"),
                Arguments.of("chr3R:10,000,000-20,000,000", "chr3R:10,000,000-20,000,000"), Arguments.of("chr4", "chr4"),
                Arguments.of("chrX", "chrX"), Arguments.of("chrY", "chr3L"), Arguments.of("chr3L", "chr3R"));
    }

    @ParameterizedTest(name = "dm6 {0} x {1}")
    @MethodSource("dm6Queries")
    void dm6HicAndMcoolAgree(String range1, String range2) {
        Path hic = TestData.shared("juicer_v9_dm6_100kb_ice.hic");
        Path mcool = TestData.shared("cooler_dm6_100kb_1mb_weights.mcool");
        compare(hic, mcool, 100_000, range1, range2, "NONE", "NONE", 0);
        // v9 stores the vector as float32: each weight is rounded to 2^-24 relative, so one pixel (two weights)
        // may differ by up to 2^-23 (1.2e-7); summed over a query the roundings average out to better than 1e-8
        compare(hic, mcool, 100_000, range1, range2, "ICE", "weight", 0x1p-23);
        double hicSum = sum(pixels(hic, 100_000, range1, range2, "ICE"));
        double coolSum = sum(pixels(mcool, 100_000, range1, range2, "weight"));
        assertThat(Math.abs(hicSum - coolSum)).as("sum " + hicSum + " vs " + coolSum)
                .isLessThanOrEqualTo(1e-8 * Math.abs(coolSum));
    }

    static Stream<Arguments> sampleQueries() {
        return Stream.of(Arguments.of(5000, "chr1", "chr1"), Arguments.of(10000, "chr3", "chr3"),
                Arguments.of(50000, "chrX", "chr1"), Arguments.of(100000, "chr2", "chr3"),
                Arguments.of(500000, "chr1:1,000,000-9,000,000", "chr2"));
    }

    @ParameterizedTest(name = "sample@{0} {1} x {2}")
    @MethodSource("sampleQueries")
    void sampleHicAndMcoolAgree(int resolution, String range1, String range2) {
        compare(TestData.sample("sample.hic"), TestData.sample("sample.mcool"), resolution, range1, range2, "NONE", "NONE", 0);
    }

    private static void compare(Path hicPath, Path coolPath, int resolution, String range1, String range2, String hicNorm,
            String coolNorm, double tolerance) {
        Map<List<Long>, Double> hic = pixels(hicPath, resolution, range1, range2, hicNorm);
        Map<List<Long>, Double> cool = pixels(coolPath, resolution, range1, range2, coolNorm);
        if (tolerance == 0) {
            assertThat(hic).isNotEmpty(); // balanced answers may be empty together (chrM: every weight NaN)
        }
        assertThat(hic.keySet()).isEqualTo(cool.keySet());
        for (var e : hic.entrySet()) {
            double a = e.getValue();
            double b = cool.get(e.getKey());
            if (tolerance == 0) {
                assertThat(a).as("pixel " + e.getKey()).isEqualTo(b);
            } else {
                assertThat(Math.abs(a - b)).as("pixel " + e.getKey() + ": " + a + " vs " + b)
                        .isLessThanOrEqualTo(tolerance * Math.abs(b));
            }
        }
    }

    private static double sum(Map<List<Long>, Double> pixels) {
        return pixels.values().stream().mapToDouble(Double::doubleValue).sorted().sum();
    }

    private static Map<List<Long>, Double> pixels(Path path, int resolution, String range1, String range2, String norm) {
        try (MatrixFile f = MatrixFiles.open(path, resolution)) {
            var q = PixelQuery.of(UcscParser.parse(f.chromosomes(), range1), UcscParser.parse(f.chromosomes(), range2))
                    .withNormalization(norm);
            Map<List<Long>, Double> out = new HashMap<>();
            for (Pixel p : PixelTally.pixels(f.fetch(q))) {
                assertThat(out.put(List.of(p.bin1(), p.bin2()), p.count())).as("duplicate pixel").isNull();
            }
            return out;
        }
    }
}
