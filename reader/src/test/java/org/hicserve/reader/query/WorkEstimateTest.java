package org.hicserve.reader.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.hic.HicFile;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * {@link MatrixFile#estimateCis} against real row counts, on the whole-chromosome rows of the bundled sample's
 * REFERENCE.csv: for cooler the estimate is exactly the chromosome's cis pixels plus the trans pixels of its rows
 * to later chromosomes (what {@code bin1_offset} spans); for .hic the compressed bytes of the chromosome's blocks,
 * which stay within a few bytes per pixel of the real count. Prints the table (pixels, estimate, bytes per pixel).
 */
class WorkEstimateTest {
    private static long count(MatrixFile f, PixelQuery q) {
        long n = 0;
        try (PixelSelector s = f.fetch(q)) {
            while (s.hasNext()) {
                n += s.next().size();
            }
        }
        return n;
    }

    private static List<String[]> wholeChromosomeRows(String file) {
        return TestData.csv(TestData.sample("REFERENCE.csv")).stream()
                .filter(r -> r[0].equals(file) && r[2].equals(r[3]) && !r[2].contains(":") && r[4].equals("NONE")).toList();
    }

    @Test
    void coolerEstimateIsTheBin1OffsetSpanOfTheChromosomesRows() {
        List<String[]> rows = wholeChromosomeRows("sample.mcool");
        assertThat(rows).isNotEmpty();
        for (String[] r : rows) {
            try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), Integer.parseInt(r[1]))) {
                Chromosome c = f.chromosomes().byName(r[2]);
                long cis = Long.parseLong(r[5]);
                long trans = 0;
                for (Chromosome d : f.chromosomes().chromosomes()) {
                    if (d.id() > c.id()) {
                        trans += count(f, PixelQuery.of(GenomicInterval.whole(c), GenomicInterval.whole(d)));
                    }
                }
                WorkEstimate e = f.estimateCis(c);
                System.out.printf("sample.mcool @%s %s: cis %d, +trans of its rows %d, estimate %d%n", r[1], r[2], cis, trans,
                        e.pixelsAtMost());
                assertThat(e.pixelsAtMost()).as(r[1] + " " + r[2]).isEqualTo(cis + trans);
                assertThat(count(f, PixelQuery.cis(GenomicInterval.whole(c)))).isEqualTo(cis);
            }
        }
    }

    @Test
    void hicEstimateIsTheCompressedSizeOfTheChromosomesBlocks() {
        List<String[]> rows = wholeChromosomeRows("sample.hic");
        assertThat(rows).isNotEmpty();
        for (String[] r : rows) {
            try (HicFile f = HicFile.open(TestData.sample("sample.hic"), Integer.parseInt(r[1]), null)) {
                Chromosome c = f.chromosomes().byName(r[2]);
                long cis = Long.parseLong(r[5]);
                WorkEstimate e = f.estimateCis(c);
                double bytesPerPixel = (double) e.storedBytes() / cis;
                System.out.printf("sample.hic @%s %s: cis %d, %d blocks, %d compressed bytes (%.2f bytes per pixel)%n", r[1],
                        r[2], cis, e.blocks(), e.storedBytes(), bytesPerPixel);
                assertThat(e.blocks()).isPositive();
                assertThat(bytesPerPixel).as(r[1] + " " + r[2]).isBetween(0.5, 16.0);
                assertThat(count(f, PixelQuery.cis(GenomicInterval.whole(c)))).isEqualTo(cis);
            }
        }
    }

    @Test
    void estimatesAddUpAndUnknownStaysUnknown() {
        assertThat(new WorkEstimate(10, 5, 1).plus(new WorkEstimate(2, 3, 4))).isEqualTo(new WorkEstimate(12, 8, 5));
        assertThat(new WorkEstimate(10, 5, 1).plus(WorkEstimate.UNKNOWN)).isEqualTo(WorkEstimate.UNKNOWN);
    }
}
