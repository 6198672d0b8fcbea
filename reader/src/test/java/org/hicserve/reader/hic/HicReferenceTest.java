package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every .hic row of ../shared/test-data/REFERENCE.md (hic-straw 2.1.4 ground truth, parsed from the markdown at test
 * time, nothing hand-copied) and every sample.hic row of test-data/REFERENCE.csv.
 *
 * <p>Raw sums must match exactly. Normalized sums: relative 1e-9. hic-straw reads v9 float32 vectors and widens them
 * to double exactly as we do, and divides count / (nv1 * nv2) in double like us, so only summation order differs.
 */
class HicReferenceTest {
    private static final double REL_TOLERANCE = 1e-9;

    /** One row of the REFERENCE.md .hic table. */
    record MdRow(String file, MatrixUnit unit, int binSize, String query, String normalization, long pixels,
            String sum) {
        @Override
        public String toString() {
            return file + " " + unit + " " + binSize + " " + query + " " + normalization;
        }
    }

    static Stream<Arguments> sharedRows() throws IOException {
        Path md = TestData.sharedDir().resolve("REFERENCE.md");
        if (!Files.exists(md)) {
            // resolve through TestData.shared so the absence skips (or fails under CI) the same way as data files
            TestData.shared("REFERENCE.md");
        }
        List<Arguments> rows = new ArrayList<>();
        boolean inHic = false;
        for (String line : Files.readAllLines(md)) {
            if (line.startsWith("## ")) {
                inHic = line.contains(".hic");
                continue;
            }
            if (!inHic || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // "", file, units, binSize, query, regions passed, normalization, pixels, sum
            String file = unquote(cells[1]);
            rows.add(Arguments.of(new MdRow(file, MatrixUnit.parse(cells[2].strip()), Integer.parseInt(cells[3].strip()),
                    cells[4].strip(), cells[6].strip(), Long.parseLong(cells[7].strip()), cells[8].strip())));
        }
        assertThat(rows).as(".hic rows of " + md).hasSizeGreaterThanOrEqualTo(39);
        return rows.stream();
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedRows")
    void matchesHicStraw(MdRow row) {
        Path path = TestData.shared(row.file());
        try (HicFile f = HicFile.open(path, row.binSize(), row.unit())) {
            // the query column: `chrA` (whole chromosome), `chrA:s-e`, or `chrA` x `chrB` (trans)
            String[] parts = row.query().split(" x ");
            GenomicInterval r1 = UcscParser.parse(f.chromosomes(), unquote(parts[0]));
            GenomicInterval r2 = parts.length > 1 ? UcscParser.parse(f.chromosomes(), unquote(parts[1])) : r1;
            PixelQuery q = PixelQuery.of(r1, r2).withNormalization(row.normalization());
            check(Totals.of(f.fetch(q)), row.pixels(), row.sum(), q.isNormalized());
        }
    }

    static Stream<Arguments> sampleRows() {
        return TestData.csv(TestData.sample("REFERENCE.csv")).stream()
                .filter(r -> r[0].equals("sample.hic"))
                .map(r -> Arguments.of(r[1], r[2], r[3], r[4], Long.parseLong(r[5]), r[6]));
    }

    @ParameterizedTest(name = "sample.hic {0} {1} x {2} {3}")
    @MethodSource("sampleRows")
    void matchesSampleReference(String resolution, String range1, String range2, String norm, long pixels, String sum) {
        try (HicFile f = HicFile.open(TestData.sample("sample.hic"), Integer.parseInt(resolution), null)) {
            PixelQuery q = PixelQuery.of(UcscParser.parse(f.chromosomes(), range1),
                    UcscParser.parse(f.chromosomes(), range2)).withNormalization(norm);
            check(Totals.of(f.fetch(q)), pixels, sum, q.isNormalized());
        }
    }

    static void check(Totals got, long pixels, String sum, boolean normalized) {
        assertThat(got.pixels()).as("pixels").isEqualTo(pixels);
        double expected = Double.parseDouble(sum);
        if (normalized) {
            assertThat(got.sum()).as("sum").isCloseTo(expected, within(Math.abs(expected) * REL_TOLERANCE + 1e-300));
        } else {
            assertThat(got.sum()).as("sum").isEqualTo(expected);
        }
    }
}
