package org.hicserve.reader.crossformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Raw observed/expected of the bundled sample in both formats (same contacts). Their expected differ by
 * definition: the .hic stores Juicer's genome-wide {@code E[d]} (over {@code floor(len/res)} bins) scaled per
 * chromosome by {@code f_c}; the cooler table is per chromosome ({@code count.sum / (n_c - d)}, {@code n_c} =
 * ceil). What this allows, and what is asserted:
 * <ul>
 * <li>every pixel is the same observed count divided by each format's own expected (to 1e-12);</li>
 * <li>cis, genome-wide: the cooler table pooled over chromosomes with Juicer's denominators,
 * {@code sum_c count_sum_c[d] / sum_c (floor(len_c/res) - d)}, is the stored {@code E[d]} to float32 precision
 * (1e-6) on the near diagonals (d < 10 at 100 kb, thousands of reads each, where Juicer's window is d alone);</li>
 * <li>cis, per pixel: the two oe differ by how far each chromosome's own decay strays from the genome-wide one
 * (Poisson noise of a few hundred reads per chromosome diagonal at d = 9, TAD blocks): on d < 10 within 25% each
 * (measured worst 19.3%, chr3 d = 9) and within 3% on average over those pixels;</li>
 * <li>trans: both are the block's counts over its bin pairs, counted over floor bins by straw and over all bins by
 * cooler, so {@code oe_cool / oe_hic = (ceil1 * ceil2) / (floor1 * floor2)} to float32 precision (the stored
 * sumCounts): 1e-6.</li>
 * </ul>
 */
class SampleOeBothFormatsTest {
    private static final int RES = 100_000;

    @Test
    void cisOeAgreesOnTheNearDiagonals() {
        try (MatrixFile hic = MatrixFiles.open(TestData.sample("sample.hic"), RES);
                MatrixFile cool = MatrixFiles.open(TestData.sample("sample.mcool"), RES)) {
            Expected eh = Expectations.of(hic, "NONE");
            Expected ec = Expectations.of(cool, "NONE");
            double worst = 0;
            double ratioSum = 0;
            int compared = 0;
            org.hicserve.reader.expected.ExpectedTable table = (org.hicserve.reader.expected.ExpectedTable) ec;
            org.hicserve.reader.expected.StoredExpected stored = (org.hicserve.reader.expected.StoredExpected) eh;
            for (int d = 0; d < 10; d++) {
                double sum = 0;
                double pairs = 0;
                for (Chromosome c : cool.chromosomes().chromosomes()) {
                    sum += table.rows(c.id()).countSum()[d];
                    pairs += Math.max(0, c.length() / RES - d);
                }
                assertThat(Math.abs(sum / pairs - stored.genomeWide(d))).as("E[" + d + "]")
                        .isLessThan(1e-6 * stored.genomeWide(d));
            }
            for (Chromosome c : hic.chromosomes().chromosomes()) {
                PixelQuery q = PixelQuery.cis(GenomicInterval.whole(c));
                Map<Long, Double> oeHic = oe(hic, q, eh);
                Map<Long, Double> oeCool = oe(cool, PixelQuery.cis(GenomicInterval.whole(cool.chromosomes()
                        .byName(c.name()))), ec);
                Map<Long, Double> observed = observed(hic, q);
                assertThat(oeCool.keySet()).isEqualTo(oeHic.keySet()).isEqualTo(observed.keySet());
                for (var e : oeHic.entrySet()) {
                    long key = e.getKey();
                    int d = (int) (key & 0xffffffffL) - (int) (key >>> 32);
                    double obs = observed.get(key);
                    double h = e.getValue();
                    double k = oeCool.get(key);
                    assertThat(Math.abs(h * eh.cis(c.id(), d) - obs)).isLessThanOrEqualTo(1e-12 * obs);
                    assertThat(Math.abs(k * ec.cis(c.id(), d) - obs)).isLessThanOrEqualTo(1e-12 * obs);
                    if (d < 10) {
                        worst = Math.max(worst, Math.abs(k / h - 1));
                        ratioSum += k / h;
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(1000);
            assertThat(worst).as("largest relative difference of oe on d < 10").isLessThan(0.25);
            assertThat(Math.abs(ratioSum / compared - 1)).as("mean oe_cool / oe_hic on d < 10").isLessThan(0.03);
        }
    }

    @Test
    void transOeDiffersByTheBinCountsOnly() {
        try (MatrixFile hic = MatrixFiles.open(TestData.sample("sample.hic"), RES);
                MatrixFile cool = MatrixFiles.open(TestData.sample("sample.mcool"), RES)) {
            Chromosome a = hic.chromosomes().byName("chr3");
            Chromosome b = hic.chromosomes().byName("chr1");
            PixelQuery q = PixelQuery.of(GenomicInterval.whole(a), GenomicInterval.whole(b));
            Map<Long, Double> oeHic = oe(hic, q, Expectations.of(hic, "NONE"));
            Map<Long, Double> oeCool = oe(cool, q, Expectations.of(cool, "NONE"));
            assertThat(oeCool.keySet()).isEqualTo(oeHic.keySet()).isNotEmpty();
            double ratio = (double) (hic.bins().binCount(a.id()) * hic.bins().binCount(b.id()))
                    / ((a.length() / RES) * (b.length() / RES));
            for (var e : oeHic.entrySet()) {
                assertThat(Math.abs(oeCool.get(e.getKey()) / e.getValue() - ratio)).isLessThan(1e-6 * ratio);
            }
        }
    }

    private static Map<Long, Double> oe(MatrixFile f, PixelQuery q, Expected e) {
        return collect(Expectations.fetch(f, q, MatrixType.OE, e));
    }

    private static Map<Long, Double> observed(MatrixFile f, PixelQuery q) {
        return collect(f.fetch(q));
    }

    private static Map<Long, Double> collect(PixelSelector s) {
        Map<Long, Double> out = new HashMap<>();
        try (s) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                for (int i = 0; i < b.size(); i++) {
                    out.put((b.bin1()[i] << 32) | b.bin2()[i], b.count(i));
                }
            }
        }
        return out;
    }
}
