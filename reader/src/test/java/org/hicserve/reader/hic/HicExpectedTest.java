package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.StoredExpected;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected vectors a .hic footer stores, and the {@code expected}/{@code oe} answers built on them, on the real
 * files (v8, v9, with and without normalizations) and the bundled sample.
 *
 * <p>Independent check of the stored vectors: Juicer's rule ({@code ExpectedValueCalculation}), {@code E[d]} = the
 * sum of the (normalized) values on diagonal {@code d} over every chromosome with cis contacts / the sum over those
 * chromosomes of {@code floor(len/res) - d}, from observed pixels read through the pixel path. Juicer widens a
 * window around {@code d} until it holds 400 reads, so only the near diagonals are compared: those before the first
 * diagonal with fewer than 400 (where the window is {@code d} alone).
 * Tolerance: 1e-6 relative for v9 (values stored as float32: 2^-24), 1e-9 for v8 (float64).
 */
class HicExpectedTest {
    private static final int JUICER_WINDOW = 400;

    private static Path file(String name) {
        return name.equals("sample.hic") ? TestData.sample(name) : TestData.shared(name);
    }

    /**
     * Not {@code juicer_v8_hg38_6res_nonorms.hic}: it stores records past chromosome ends, which Juicer counted and
     * every reader (this one, hic-straw) drops, so its observed diagonals cannot reproduce its vector.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sample.hic", "juicer_v8_hg19_2500kb_allnorms.hic", "juicer_v9_dm6_100kb_ice.hic",
        "juicer_v8_hg19_chr22only_9res.hic"})
    void storedVectorsFollowJuicersRule(String name) {
        HicMetadata meta = HicMetadata.read(file(name));
        double tolerance = meta.version() >= 9 ? 1e-6 : 1e-9;
        int compared = 0;
        for (int res : meta.resolutions()) {
            if (name.equals("sample.hic") && res < 10_000) {
                continue; // keeps the test to seconds; 10 kb and up cover the same writer
            }
            for (String norm : meta.normalizations(meta.defaultUnit(), res)) {
                try (HicFile f = HicFile.open(meta, res, null)) {
                    StoredExpected stored;
                    try {
                        stored = (StoredExpected) f.storedExpected(norm).orElseThrow();
                    } catch (UnknownNameException e) {
                        // chr22only stores KR vectors at 5 kb but no KR expected there; the error lists what exists
                        assertThat(e.getMessage()).contains("available: NONE");
                        continue;
                    }
                    double[] sum = new double[stored.length() + 1];
                    double[] pairs = new double[stored.length() + 1];
                    for (Chromosome c : f.chromosomes().chromosomes()) {
                        double[] diag = diagonalSums(f, c, norm, sum.length);
                        double total = 0;
                        for (double v : diag) {
                            total += v;
                        }
                        if (total == 0) {
                            continue; // Juicer counts only chromosomes with cis contacts
                        }
                        // Juicer counts every contact, also those of a last partial bin past floor(len/res)
                        long n = c.length() / res;
                        for (int d = 0; d < sum.length; d++) {
                            sum[d] += diag[d];
                            pairs[d] += Math.max(0, n - d);
                        }
                    }
                    // the near diagonals: while every diagonal up to d + 1 holds 400 reads the window is d alone
                    for (int d = 0; d + 2 < stored.length(); d++) {
                        if (sum[d] < JUICER_WINDOW || sum[d + 1] < JUICER_WINDOW) {
                            break;
                        }
                        double juicer = sum[d] / pairs[d];
                        assertThat(Math.abs(stored.genomeWide(d) - juicer) / juicer)
                                .as(name + " " + res + " " + norm + " d=" + d + ": stored " + stored.genomeWide(d)
                                        + " vs Juicer's rule " + juicer)
                                .isLessThanOrEqualTo(tolerance);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).as("diagonals compared").isGreaterThan(10);
    }

    private static double[] diagonalSums(HicFile f, Chromosome c, String norm, int length) {
        double[] sum = new double[length];
        try (PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(c)).withNormalization(norm)
                .withCountType(CountType.FLOAT64))) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                for (int i = 0; i < b.size(); i++) {
                    int d = (int) Math.abs(b.bin2()[i] - b.bin1()[i]);
                    if (d < length) {
                        sum[d] += b.count(i);
                    }
                }
            }
        }
        return sum;
    }

    /** Every oe and expected pixel is observed / E_c[d] (resp. E_c[d]) of the stored vector, none is lost. */
    @ParameterizedTest
    @ValueSource(strings = {"sample.hic", "juicer_v8_hg19_2500kb_allnorms.hic", "juicer_v9_dm6_100kb_ice.hic",
        "juicer_v8_hg38_6res_nonorms.hic"})
    void oeIsObservedOverTheStoredVector(String name) {
        HicMetadata meta = HicMetadata.read(file(name));
        int res = meta.resolutions().get(meta.resolutions().size() / 2);
        for (String norm : meta.normalizations(meta.defaultUnit(), res)) {
            try (HicFile f = HicFile.open(meta, res, null)) {
                StoredExpected e = (StoredExpected) Expectations.of(f, norm);
                Chromosome c = f.chromosomes().get(0);
                PixelQuery q = PixelQuery.cis(GenomicInterval.whole(c)).withNormalization(norm);
                List<double[]> observed = pixels(f.fetch(q));
                List<double[]> oe = pixels(Expectations.fetch(f, q, MatrixType.OE, e));
                List<double[]> expected = pixels(Expectations.fetch(f, q, MatrixType.EXPECTED, e));
                assertThat(observed).as(name + " " + norm).isNotEmpty();
                int kept = 0;
                for (double[] p : observed) {
                    int d = (int) Math.abs(p[1] - p[0]);
                    double ec = stored(e, d) / e.factor(c.id());
                    double want = p[2] / ec;
                    if (!Double.isFinite(want)) {
                        continue;
                    }
                    double[] got = oe.get(kept);
                    assertThat(got[0]).isEqualTo(p[0]);
                    assertThat(got[1]).isEqualTo(p[1]);
                    assertThat(got[2]).as(name + " " + norm + " oe at " + p[0] + "," + p[1]).isEqualTo(want);
                    assertThat(expected.get(kept)[2]).isEqualTo(ec);
                    kept++;
                }
                assertThat(oe).hasSize(kept);
                assertThat(kept).isPositive();
            }
        }
    }

    /** The stored vector at min(d, len - 1), read here straight from the values. */
    private static double stored(StoredExpected e, int d) {
        return e.genomeWide(Math.min(d, e.length() - 1));
    }

    /** Trans: straw's average, the matrix's sumCounts over floor(len1/res) * floor(len2/res). */
    @Test
    void transOeUsesTheAverageCount() {
        try (HicFile f = HicFile.open(file("juicer_v9_dm6_100kb_ice.hic"), 0, null)) {
            Chromosome a = f.chromosomes().byName("chr2L");
            Chromosome b = f.chromosomes().byName("chr3R");
            PixelQuery q = PixelQuery.of(GenomicInterval.whole(b), GenomicInterval.whole(a));
            List<double[]> observed = pixels(f.fetch(q));
            double total = observed.stream().mapToDouble(p -> p[2]).sum();
            double avg = total / (a.length() / 100_000) / (b.length() / 100_000);
            var e = Expectations.of(f, "NONE");
            double stored = f.storedTransExpected(b.id(), a.id());
            assertThat(Math.abs(stored - avg) / avg).as("sumCounts is float32").isLessThan(1e-6);
            List<double[]> oe = pixels(Expectations.fetch(f, q, MatrixType.OE, e));
            assertThat(oe).hasSameSizeAs(observed);
            for (int i = 0; i < oe.size(); i++) {
                assertThat(oe.get(i)[2]).isEqualTo(observed.get(i)[2] / stored);
            }
        }
    }

    @Test
    void perDiagonalRowsOfTheStoredVector() {
        try (HicFile f = HicFile.open(TestData.sample("sample.hic"), 100_000, null)) {
            var e = Expectations.of(f, "SCALE");
            Chromosome c = f.chromosomes().byName("chr2");
            DiagonalRows rows = Expectations.rows(f, e, c.id());
            int n = (int) f.bins().binCount(c.id());
            assertThat(rows.size()).isEqualTo(n);
            assertThat(rows.countSum()).isNull();
            assertThat(rows.balancedAvg()[3]).isEqualTo(e.cis(c.id(), 3));
            assertThat(rows.countAvg()[3]).isEqualTo(Expectations.of(f, "NONE").cis(c.id(), 3));
            // n_valid: pairs whose SCALE weights are both finite and non-zero, counted by hand
            var w = f.weights("SCALE");
            long off = f.bins().chromOffset(c.id());
            for (int d : new int[] {0, 1, 7, n - 1}) {
                long valid = 0;
                for (int i = 0; i + d < n; i++) {
                    double w1 = w.get(off + i);
                    double w2 = w.get(off + i + d);
                    if (Double.isFinite(w1) && w1 != 0 && Double.isFinite(w2) && w2 != 0) {
                        valid++;
                    }
                }
                assertThat(rows.nValid()[d]).as("d=" + d).isEqualTo(valid);
            }
        }
    }

    @Test
    void aMissingVectorListsWhatExists() {
        try (HicFile f = HicFile.open(file("juicer_v8_hg38_6res_nonorms.hic"), 500_000, null)) {
            assertThatThrownBy(() -> f.storedExpected("KR")).isInstanceOf(UnknownNameException.class)
                    .hasMessageContaining("'KR at BP 500000'").hasMessageContaining("available: NONE");
        }
    }

    /** count_type=float answers the stored float32 values; the default rounds them (integral in Juicer files). */
    @Test
    void floatCountType() {
        try (HicFile f = HicFile.open(TestData.sample("sample.hic"), 50_000, null)) {
            PixelQuery q = PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(1)));
            try (PixelSelector ints = f.fetch(q); PixelSelector floats = f.fetch(q.withCountType(CountType.FLOAT64))) {
                assertThat(ints.countType()).isEqualTo(CountType.INT32);
                assertThat(floats.countType()).isEqualTo(CountType.FLOAT64);
                List<double[]> a = pixels(ints);
                List<double[]> b = pixels(floats);
                assertThat(b).hasSameSizeAs(a).isNotEmpty();
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                }
            }
        }
    }

    static List<double[]> pixels(PixelSelector s) {
        List<double[]> out = new ArrayList<>();
        try (s) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                for (int i = 0; i < b.size(); i++) {
                    out.add(new double[] {b.bin1()[i], b.bin2()[i], b.count(i)});
                }
            }
        }
        return out;
    }
}
