package org.hicserve.reader.cooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pixel-by-pixel equality with the {@code cooler} Python API (0.9.1, Debian), run through
 * {@code reader/src/test/python/cooler_dump.py}. Raw counts must be identical; balanced values agree to 1e-12
 * relative (both are float64 products of the same numbers; cooler computes {@code w1 * w2 * count} and, for
 * divisive weights, {@code (1/w1) * (1/w2) * count}, hicserve {@code count * w1 * w2} and
 * {@code count / (w1 * w2)}: a few ulps apart at most).
 *
 * <p>Upper-triangle queries are compared row by row in file order ({@code as_pixels=True}); queries cooler can only
 * answer as a COO matrix (a FULL cis query, a trans query whose range1 comes later in the file) are compared after
 * sorting both sides by (bin1, bin2).
 */
class CoolerDumpEqualityTest {
    private static final String DM6 = "cooler_dm6_100kb_1mb_weights.mcool";
    private static final String DM6_100K = "::/resolutions/100000";

    /** How cooler is asked: as_pixels (stored pixels, file order) or sparse (COO with the lower triangle filled). */
    enum Mode { PIXELS, SPARSE }

    record Case(String name, String file, boolean sample, String group, String range1, String range2,
            String normalization, boolean divisive, Mode mode, QuerySpan span, long band) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case dm6(String name, String r1, String r2, String norm, boolean divisive, Mode mode, QuerySpan span) {
        return new Case(name, DM6, false, DM6_100K, r1, r2, norm, divisive, mode, span, 0);
    }

    static Stream<Arguments> cases() {
        Mode P = Mode.PIXELS;
        Mode S = Mode.SPARSE;
        QuerySpan U = QuerySpan.UPPER_TRIANGLE;
        QuerySpan F = QuerySpan.FULL;
        List<Case> c = new ArrayList<>();
        c.add(dm6("dm6 chr2R raw", "chr2R", null, "NONE", false, P, U));
        c.add(dm6("dm6 chr2R weight", "chr2R", null, "weight", false, P, U));
        c.add(dm6("dm6 chr2R KR (divisive)", "chr2R", null, "KR", true, P, U));
        c.add(dm6("dm6 chr2R VC (divisive)", "chr2R", null, "VC", true, P, U));
        c.add(dm6("dm6 chr2L x chr2R raw", "chr2L", "chr2R", "NONE", false, P, U));
        c.add(dm6("dm6 chr2L x chr2R weight", "chr2L", "chr2R", "weight", false, P, U));
        c.add(dm6("dm6 chr2L x chr2R KR", "chr2L", "chr2R", "KR", true, P, U));
        c.add(dm6("dm6 chrX x chr2L raw (transposed)", "chrX", "chr2L", "NONE", false, S, U));
        c.add(dm6("dm6 chrX x chr2L weight (transposed)", "chrX", "chr2L", "weight", false, S, U));
        c.add(dm6("dm6 chr3R:5M-9.5M x chr2L:1M-2.5M raw (transposed)", "chr3R:5,000,000-9,500,000",
                "chr2L:1,000,000-2,500,000", "NONE", false, S, U));
        c.add(dm6("dm6 chr2R FULL raw", "chr2R", null, "NONE", false, S, F));
        c.add(dm6("dm6 chr2R FULL weight", "chr2R", null, "weight", false, S, F));
        c.add(dm6("dm6 chr2R:1,234,567-3,456,789 raw", "chr2R:1,234,567-3,456,789", null, "NONE", false, P, U));
        c.add(dm6("dm6 chr2R:1,234,567-3,456,789 weight", "chr2R:1,234,567-3,456,789", null, "weight", false, P, U));
        c.add(dm6("dm6 chr2R:1,234,567-3,456,789 FULL raw", "chr2R:1,234,567-3,456,789", null, "NONE", false, S, F));
        c.add(dm6("dm6 chr2R:1,234,567-3,456,789 x chr2R:2,500,001-9,999,999 raw", "chr2R:1,234,567-3,456,789",
                "chr2R:2,500,001-9,999,999", "NONE", false, P, U));
        c.add(dm6("dm6 chr2R:1,234,567-3,456,789 x chr2R:2,500,001-9,999,999 FULL raw", "chr2R:1,234,567-3,456,789",
                "chr2R:2,500,001-9,999,999", "NONE", false, S, F));
        c.add(dm6("dm6 chr2R:5,000,001-8,000,000 x chr2R:1,234,567-3,456,789 raw (below diagonal: empty)",
                "chr2R:5,000,001-8,000,000", "chr2R:1,234,567-3,456,789", "NONE", false, P, U));
        c.add(dm6("dm6 chr2L:10,000,001-12,345,678 x chr3L:99-7,654,321 KR", "chr2L:10,000,001-12,345,678",
                "chr3L:99-7,654,321", "KR", true, P, U));
        c.add(new Case("dm6@1Mb chr2R raw", DM6, false, "::/resolutions/1000000", "chr2R", null, "NONE", false, P, U, 0));
        c.add(new Case("yeast v2 chrIV raw", "cooler_yeast_10kb_weight_v2.cool", false, "", "chrIV", null, "NONE",
                false, P, U, 0));
        c.add(new Case("yeast v2 chrIV weight", "cooler_yeast_10kb_weight_v2.cool", false, "", "chrIV", null, "weight",
                false, P, U, 0));
        c.add(new Case("float counts 1 raw", "cooler_float_counts_2500kb.cool", false, "", "1", null, "NONE", false, P,
                U, 0));
        c.add(new Case("float counts 1 ICE", "cooler_float_counts_2500kb.cool", false, "", "1", null, "ICE", false, P,
                U, 0));
        c.add(new Case("float counts 1 x 2 ICE", "cooler_float_counts_2500kb.cool", false, "", "1", "2", "ICE", false, P,
                U, 0));
        c.add(new Case("sample.mcool@5000 chr1 raw", "sample.mcool", true, "::/resolutions/5000", "chr1", null, "NONE",
                false, P, U, 0));
        c.add(new Case("sample.mcool@5000 chr1 weight", "sample.mcool", true, "::/resolutions/5000", "chr1", null,
                "weight", false, P, U, 0));
        // diagonal band: cooler has no such option; its output filtered to |bin2 - bin1| < width
        c.add(new Case("dm6 chr2R band 7 raw", DM6, false, DM6_100K, "chr2R", null, "NONE", false, P, U, 7));
        c.add(new Case("dm6 chr2R band 1 weight", DM6, false, DM6_100K, "chr2R", null, "weight", false, P, U, 1));
        c.add(new Case("dm6 chr2R:1,234,567-9,456,789 FULL band 5 raw", DM6, false, DM6_100K,
                "chr2R:1,234,567-9,456,789", null, "NONE", false, S, F, 5));
        c.add(new Case("dm6 chr2L x chr2R band 3 (trans: nothing within 3 bins)", DM6, false, DM6_100K, "chr2L", "chr2R",
                "NONE", false, P, U, 3));
        c.add(new Case("sample.mcool@5000 chr1 band 20 weight", "sample.mcool", true, "::/resolutions/5000", "chr1",
                null, "weight", false, P, U, 20));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samePixelsAsCooler(Case c) {
        Path path = c.sample() ? TestData.sample(c.file()) : TestData.shared(c.file());
        CoolerPython.require();
        String uri = path + c.group();

        List<String> args = new ArrayList<>(List.of(c.mode() == Mode.PIXELS ? "pixels" : "sparse", uri, c.range1()));
        if (c.range2() != null) {
            args.add(c.range2());
        }
        if (!c.normalization().equals("NONE")) {
            args.add("--balance");
            args.add(c.normalization());
        }
        if (c.divisive()) {
            args.add("--divisive");
        }
        List<Pixel> expected = CoolerPython.pixels(args);
        if (c.band() > 0) {
            expected = expected.stream().filter(p -> Math.abs(p.bin2() - p.bin1()) < c.band()).toList();
        }

        List<Pixel> actual;
        try (CoolerFile f = CoolerFile.open(uri, 0)) {
            GenomicInterval r1 = UcscParser.parse(f.chromosomes(), c.range1());
            GenomicInterval r2 = c.range2() == null ? r1 : UcscParser.parse(f.chromosomes(), c.range2());
            if (!c.normalization().equals("NONE")) {
                assertThat(f.isDivisive(c.normalization())).as("hicserve infers the divisive flag given to cooler").isEqualTo(c.divisive());
            }
            PixelQuery q = PixelQuery.of(r1, r2).withNormalization(c.normalization()).withSpan(c.span())
                    .withDiagonalBandWidth(c.band()).withBatchRows(1000);
            actual = PixelTally.pixels(f.fetch(q));
        }

        if (c.mode() == Mode.SPARSE) {
            Comparator<Pixel> byBins = Comparator.comparingLong(Pixel::bin1).thenComparingLong(Pixel::bin2);
            expected = expected.stream().sorted(byBins).toList();
            actual = actual.stream().sorted(byBins).toList();
        }
        if (!c.name().contains("empty") && !c.name().contains("nothing")) {
            assertThat(expected).as("cooler returned pixels for this query").isNotEmpty();
        }
        assertSamePixels(expected, actual, c.normalization().equals("NONE"));
    }

    static void assertSamePixels(List<Pixel> expected, List<Pixel> actual, boolean exact) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            Pixel e = expected.get(i);
            Pixel a = actual.get(i);
            if (e.bin1() != a.bin1() || e.bin2() != a.bin2()) {
                fail("row " + i + ": cooler has (" + e.bin1() + ", " + e.bin2() + "), hicserve (" + a.bin1() + ", "
                        + a.bin2() + ")");
            }
            boolean same = exact ? e.count() == a.count()
                    : Math.abs(e.count() - a.count()) <= 1e-12 * Math.abs(e.count());
            if (!same) {
                fail("row " + i + " (" + e.bin1() + ", " + e.bin2() + "): cooler " + e.count() + ", hicserve " + a.count()
                        + (exact ? "" : " (relative difference " + Math.abs(e.count() - a.count()) / Math.abs(e.count()) + ")"));
            }
        }
        assertThat(actual.size()).as("pixel count").isEqualTo(expected.size());
    }
}
