package org.hicserve.reader.cooler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.ExpectedTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cooler expected (per chromosome, per diagonal: {@code n_valid}, {@code count.sum}, {@code balanced.sum} and
 * the averages) against an independent computation with Debian's {@code python3-cooler} and numpy
 * ({@code reader/src/test/python/cooler_expected.py}) on the real files and the sample: {@code n_valid} exactly,
 * sums to 1e-9 relative (both are float64 sums of the same values in different orders).
 */
class CoolerExpectedTest {
    private static final double REL = 1e-9;

    @ParameterizedTest
    @CsvSource({
        "sample.mcool, 100000, weight, false",
        "sample.mcool, 10000, weight, false",
        "sample.mcool, 50000, NONE, false",
        "cooler_dm6_100kb_1mb_weights.mcool, 100000, weight, false",
        "cooler_dm6_100kb_1mb_weights.mcool, 100000, KR, true",
        "cooler_dm6_100kb_1mb_weights.mcool, 1000000, NONE, false",
        "cooler_yeast_10kb_weight_v2.cool, 0, weight, false",
        "cooler_mm9_10mb_weight.cool, 0, weight, false",
        "cooler_float_counts_2500kb.cool, 0, ICE, false",
    })
    void matchesNumpyPerDiagonal(String name, int resolution, String norm, boolean divisive) {
        CoolerPython.require();
        Path path = name.startsWith("sample") ? TestData.sample(name) : TestData.shared(name);
        List<String> args = new ArrayList<>();
        args.add(name.endsWith(".mcool") ? path + "::/resolutions/" + resolution : path.toString());
        if (!norm.equals("NONE")) {
            args.add("--balance");
            args.add(norm);
            if (divisive) {
                args.add("--divisive");
            }
        }
        List<String> lines = CoolerPython.run(TestData.repoRoot().resolve("reader/src/test/python/cooler_expected.py"),
                args);
        try (CoolerFile f = CoolerFile.open(path, resolution)) {
            if (divisive) {
                assertThat(f.isDivisive(norm)).as("the vector is applied by division, as the script is told").isTrue();
            }
            ExpectedTable table = (ExpectedTable) Expectations.of(f, norm);
            int checked = 0;
            int balancedNonZero = 0;
            for (String line : lines) {
                String[] c = line.split("\t");
                Chromosome chrom = f.chromosomes().byName(c[0]);
                int d = Integer.parseInt(c[1]);
                DiagonalRows rows = table.rows(chrom.id());
                String where = name + " " + c[0] + " d=" + d;
                long n = f.bins().binCount(chrom.id());
                assertThat(rows.size()).as(where).isEqualTo((int) n);
                assertThat(rows.nValid()[d]).as(where + " n_valid").isEqualTo(Long.parseLong(c[2]));
                double countSum = Double.parseDouble(c[3]);
                assertClose(rows.countSum()[d], countSum, where + " count_sum");
                assertClose(rows.countAvg()[d], countSum / (n - d), where + " count_avg");
                if (!norm.equals("NONE")) {
                    double bal = Double.parseDouble(c[4]);
                    assertClose(rows.balancedSum()[d], bal, where + " balanced_sum");
                    long nValid = Long.parseLong(c[2]);
                    if (nValid > 0) {
                        assertClose(rows.balancedAvg()[d], bal / nValid, where + " balanced_avg");
                        assertClose(table.cis(chrom.id(), d), bal / nValid, where + " expected");
                    } else {
                        assertThat(rows.balancedAvg()[d]).as(where).isNaN();
                    }
                    if (bal > 0) {
                        balancedNonZero++;
                    }
                } else {
                    assertThat(rows.balancedSum()).isNull();
                    assertClose(table.cis(chrom.id(), d), countSum / (n - d), where + " expected");
                }
                checked++;
            }
            long totalBins = f.bins().size();
            assertThat(checked).as("every diagonal of every chromosome").isEqualTo((int) totalBins);
            if (!norm.equals("NONE")) {
                assertThat(balancedNonZero).isPositive();
            }
        }
    }

    private static void assertClose(double actual, double expected, String what) {
        if (expected == 0) {
            assertThat(actual).as(what).isEqualTo(0.0);
        } else {
            assertThat(Math.abs(actual - expected) / Math.abs(expected)).as(what + ": " + actual + " vs " + expected)
                    .isLessThanOrEqualTo(REL);
        }
    }
}
