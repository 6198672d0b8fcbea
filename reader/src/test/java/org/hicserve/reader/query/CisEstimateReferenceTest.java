package org.hicserve.reader.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.testing.ReferenceTable;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The estimate {@code executor=auto} decides by ({@link MatrixFile#estimateCisPixels}, from the indexes alone)
 * against the real row counts of the reference tools: every whole-chromosome raw row of
 * ../shared/test-data/REFERENCE.md (cooler 0.9.1, hic-straw 2.1.4) and of the bundled sample's REFERENCE.csv.
 * The stated factors: within {@value #FACTOR}x of the real count on every such row, within
 * {@value #FACTOR_LARGE}x on rows of at least {@value #LARGE} pixels (the sizes where the choice matters), and
 * for cooler never below the real count (it is the span of the rows' pixels, capped at the upper triangle).
 * Prints the table.
 */
class CisEstimateReferenceTest {
    static final double FACTOR = 5.0;
    static final double FACTOR_LARGE = 1.5;
    static final long LARGE = 5_000;

    /** One whole-chromosome row: the file, its resolution (0: its only one), unit, chromosome and real pixels. */
    record Row(String source, Path file, int resolution, MatrixUnit unit, String chromosome, long pixels) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Path md = TestData.shared("REFERENCE.md");
        for (List<String> r : ReferenceTable.rows(md, "## Cooler files")) {
            String query = r.get(1);
            if (query.contains(":") || query.contains(",") || !r.get(2).startsWith("NONE")) {
                continue; // a region, a trans pair, or a normalized count (the estimate is of stored pixels)
            }
            String[] uri = r.get(0).split("::");
            int resolution = uri.length > 1 ? Integer.parseInt(uri[1].substring(uri[1].lastIndexOf('/') + 1)) : 0;
            rows.add(new Row("REFERENCE.md", TestData.shared(uri[0]), resolution, null, query, Long.parseLong(r.get(3))));
        }
        for (List<String> r : ReferenceTable.rows(md, "## Juicer .hic files")) {
            String query = r.get(3);
            if (query.contains(":") || query.contains(" x ") || !r.get(5).equals("NONE")) {
                continue;
            }
            rows.add(new Row("REFERENCE.md", TestData.shared(r.get(0)), Integer.parseInt(r.get(2)), MatrixUnit.parse(r.get(1)),
                    query, Long.parseLong(r.get(6))));
        }
        for (String[] r : TestData.csv(TestData.sample("REFERENCE.csv"))) {
            if (r[2].equals(r[3]) && !r[2].contains(":") && r[4].equals("NONE")) {
                rows.add(new Row("REFERENCE.csv", TestData.sample(r[0]), Integer.parseInt(r[1]), null, r[2], Long.parseLong(r[5])));
            }
        }
        return rows;
    }

    @Test
    void theEstimateIsWithinTheStatedFactorOfTheRealRowsOnEveryReferenceRow() {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows.stream().filter(r -> r.pixels() >= LARGE)).hasSizeGreaterThanOrEqualTo(8);
        System.out.println("| file | resolution | chromosome | real pixels | estimate | estimate / real |");
        for (Row r : rows) {
            try (MatrixFile f = MatrixFiles.readMetadata(r.file()).open(r.resolution(), r.unit())) {
                Chromosome c = f.chromosomes().byName(r.chromosome());
                long estimate = f.estimateCisPixels(c);
                double ratio = (double) estimate / r.pixels();
                System.out.printf("| %s | %d | %s | %d | %d | %.3f |%n", r.file().getFileName(), f.resolution(), r.chromosome(),
                        r.pixels(), estimate, ratio);
                String what = r.source() + " " + r.file().getFileName() + "@" + f.resolution() + " " + r.chromosome();
                assertThat(ratio).as(what).isBetween(1 / FACTOR, FACTOR);
                if (r.pixels() >= LARGE) {
                    assertThat(ratio).as(what).isBetween(1 / FACTOR_LARGE, FACTOR_LARGE);
                }
                if (f.estimateCis(c).pixelsAtMost() >= 0) { // cooler: an upper bound
                    assertThat(estimate).as(what).isGreaterThanOrEqualTo(r.pixels());
                }
            }
        }
    }

    /** What the planner sums: the whole genome of the sample pair, against the cis pixels the reader answers. */
    @Test
    void theWholeGenomeSumIsWithinTheFactorToo() {
        for (String name : List.of("sample.mcool", "sample.hic")) {
            for (int resolution : List.of(5000, 10000, 50000, 100000, 500000)) {
                try (MatrixFile f = MatrixFiles.open(TestData.sample(name), resolution)) {
                    long estimate = 0;
                    long real = 0;
                    for (Chromosome c : f.chromosomes().chromosomes()) {
                        estimate += f.estimateCisPixels(c);
                        real += count(f, PixelQuery.cis(GenomicInterval.whole(c)));
                    }
                    double ratio = (double) estimate / real;
                    System.out.printf("%s@%d whole genome: real %d, estimate %d (%.3f)%n", name, resolution, real, estimate, ratio);
                    assertThat(real).isPositive();
                    assertThat(ratio).as(name + "@" + resolution).isBetween(1 / FACTOR_LARGE, FACTOR_LARGE);
                }
            }
        }
    }

    @Test
    void anUnknownEstimateStaysUnknownAndTheTriangleCapsIt() {
        assertThat(WorkEstimate.UNKNOWN.cisPixels(10)).isEqualTo(-1);
        assertThat(new WorkEstimate(-1, 1000, -1).cisPixels(10)).isEqualTo(55);
        assertThat(new WorkEstimate(-1, 40, -1).cisPixels(10)).isEqualTo(40);
        assertThat(new WorkEstimate(300, -1, 1).cisPixels(1000)).isEqualTo(150);
    }

    private static long count(MatrixFile f, PixelQuery q) {
        long n = 0;
        try (PixelSelector s = f.fetch(q)) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                n += b.size();
            }
        }
        return n;
    }
}
