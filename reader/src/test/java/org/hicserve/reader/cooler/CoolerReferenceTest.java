package org.hicserve.reader.cooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.ReferenceTable;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cooler row of ../shared/test-data/REFERENCE.md (cooler 0.9.1) and of the bundled sample's REFERENCE.csv. */
class CoolerReferenceTest {

    static Stream<Arguments> sharedRows() {
        var md = TestData.sharedDir().resolve("REFERENCE.md");
        if (!md.toFile().exists()) {
            // TestData.shared skips (or fails under CI) with a clear message
            return Stream.of(Arguments.of("(REFERENCE.md absent)", "", "", 0L, "0"));
        }
        return ReferenceTable.rows(md, "## Cooler files").stream()
                .map(r -> Arguments.of(r.get(0), r.get(1), normalizationOf(r.get(2)), Long.parseLong(r.get(3)), r.get(4)));
    }

    /** "NONE (raw)" -> NONE; "balance='KR', divisive_weights=True" -> KR (our reader infers divisive from the name). */
    private static String normalizationOf(String cell) {
        if (cell.startsWith("NONE")) {
            return "NONE";
        }
        int a = cell.indexOf('\'');
        return cell.substring(a + 1, cell.indexOf('\'', a + 1));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sharedRows")
    void matchesCooler(String uri, String query, String normalization, long pixels, String sum) {
        String[] parts = uri.split("::");
        var path = TestData.shared(parts[0]);
        String fullUri = parts.length > 1 ? path + "::" + parts[1] : path.toString();
        try (CoolerFile f = CoolerFile.open(fullUri, 0)) {
            // queries such as "chr2L , chr2R" are trans (range1, range2); "chr2R:10,000,000-15,000,000" is one range
            GenomicInterval r1;
            GenomicInterval r2;
            if (query.contains(" , ")) {
                String[] two = query.split(" , ");
                r1 = UcscParser.parse(f.chromosomes(), two[0]);
                r2 = UcscParser.parse(f.chromosomes(), two[1]);
            } else {
                r1 = UcscParser.parse(f.chromosomes(), query);
                r2 = r1;
            }
            PixelTally t = PixelTally.of(f.fetch(PixelQuery.of(r1, r2).withNormalization(normalization)));
            assertThat(t.pixels()).as("pixels").isEqualTo(pixels);
            assertSum(t.sum(), Double.parseDouble(sum), normalization);
        }
    }

    static Stream<Arguments> sampleRows() {
        return TestData.csv(TestData.sample("REFERENCE.csv")).stream().filter(r -> r[0].endsWith(".mcool"))
                .map(r -> Arguments.of(r[0], Integer.parseInt(r[1]), r[2], r[3], r[4], Long.parseLong(r[5]), r[6]));
    }

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @MethodSource("sampleRows")
    void matchesCoolerOnBundledSample(String file, int resolution, String range1, String range2, String normalization,
            long pixels, String sum) {
        try (CoolerFile f = CoolerFile.open(TestData.sample(file), resolution)) {
            var r1 = UcscParser.parse(f.chromosomes(), range1);
            var r2 = UcscParser.parse(f.chromosomes(), range2);
            PixelTally t = PixelTally.of(f.fetch(PixelQuery.of(r1, r2).withNormalization(normalization)));
            assertThat(t.pixels()).as("pixels").isEqualTo(pixels);
            assertSum(t.sum(), Double.parseDouble(sum), normalization);
        }
    }

    static void assertSum(double actual, double expected, String normalization) {
        if (normalization.equals("NONE") && expected == Math.rint(expected)) {
            assertThat(actual).as("raw sum").isEqualTo(expected);
        } else {
            // the same float64 values summed in another order: agreement to 1e-9 relative is what is owed
            assertThat(actual).as("sum").isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-12));
        }
    }
}
