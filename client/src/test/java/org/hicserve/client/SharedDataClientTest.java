package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same dm6 matrix as a cooler and as a .hic (../shared/test-data; skipped without it): the chr2R rows of
 * REFERENCE.md through every result form of the client.
 */
class SharedDataClientTest {
    @RegisterExtension
    static final RunningService service = RunningService.over(() -> {
        TestData.shared("juicer_v9_dm6_100kb_ice.hic");
        return TestData.shared("cooler_dm6_100kb_1mb_weights.mcool").getParent();
    });

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2R | chr2R | NONE | 31900 | 21513984",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2R | chr2R | weight | 28919 | 304.29872559877066",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2R | chr2R | KR | 31900 | 21117050.23143887",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2R:10,000,000-15,000,000 | chr2R:10,000,000-15,000,000 | NONE | 1275 | 4519080",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2R:10,000,000-15,000,000 | chr2R:10,000,000-15,000,000 | weight | 1275 | 59.349524704033215",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2L | chr2R | NONE | 59124 | 1483112",
        "cooler_dm6_100kb_1mb_weights.mcool | 100000 | chr2L | chr2R | weight | 55432 | 21.06706555733309",
        "cooler_dm6_100kb_1mb_weights.mcool | 1000000 | chr2R | chr2R | NONE | 351 | 21513984",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2R | chr2R | NONE | 31900 | 21513984",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2R | chr2R | ICE | 28919 | 304.2987257248212",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2R:10000000-15000000 | chr2R:10000000-15000000 | NONE | 1275 | 4519080",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2R:10000000-15000000 | chr2R:10000000-15000000 | ICE | 1275 | 59.34952435264592",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2L | chr2R | NONE | 59124 | 1483112",
        "juicer_v9_dm6_100kb_ice.hic | 100000 | chr2L | chr2R | ICE | 55432 | 21.067065561932807"})
    void chr2RofTheCoolerAndTheHicMatchTheReference(String file, int resolution, String range1, String range2,
            String normalization, long pixels, double sum) {
        Query q = Query.of(file).resolution(resolution).range1(range1).range2(range2).normalization(normalization);
        for (Answers.Tally t : List.of(Answers.viaBatches(service.client(), q), Answers.viaPixels(service.client(), q), Answers.viaCoo(service.client(), q))) {
            Answers.assertMatches(t, pixels, sum, normalization);
        }
        double[][] m = service.client().dense(q);
        double tolerance = normalization.equals("NONE") ? 0 : Math.abs(sum) * 1e-9;
        if (range1.equals(range2)) {
            assertThat(Answers.nonZero(m, true)).isEqualTo(pixels);
            assertThat(Answers.upperTriangleSum(m)).isCloseTo(sum, within(tolerance));
            if (!range1.contains(":")) {
                CisQuery cis = CisQuery.of(file).resolution(resolution).chromosomes(range1).normalization(normalization);
                Answers.assertMatches(Answers.viaBatches(service.client(), cis), pixels, sum, normalization);
            }
        } else {
            assertThat(Answers.nonZero(m, false)).isEqualTo(pixels);
            assertThat(Answers.sum(m)).isCloseTo(sum, within(tolerance));
        }
    }
}
