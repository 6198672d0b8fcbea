package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.ExpectedTable;
import org.hicserve.reader.hic.HicFile;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's {@code expected} call and {@code matrix_type}/{@code count_type} on its queries, against the real
 * service over the bundled sample; values are compared with what the reader computes or reads directly.
 */
class ExpectedClientTest {
    @RegisterExtension
    static final RunningService service = RunningService.over(() -> TestData.sample("sample.mcool").getParent());

    @Test
    void coolerExpectedTable() {
        List<ExpectedRow> rows = service.client().expected("sample.mcool", 100_000, "weight", "chr2");
        try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 100_000)) {
            ExpectedTable t = (ExpectedTable) Expectations.of(f, "weight");
            DiagonalRows chr2 = t.rows(f.chromosomes().byName("chr2").id());
            assertThat(rows).hasSize(chr2.size());
            for (ExpectedRow r : rows) {
                int d = (int) r.dist();
                assertThat(r.chrom()).isEqualTo("chr2");
                assertThat(r.distBp()).isEqualTo(100_000L * d);
                assertThat(r.nValid()).isEqualTo(chr2.nValid()[d]);
                assertThat(r.countSum()).isEqualTo(chr2.countSum()[d]);
                assertThat(Double.valueOf(r.balancedAvg())).isEqualTo(Double.valueOf(chr2.balancedAvg()[d]));
            }
        }
    }

    @Test
    void hicRawExpectedHasNoSumsAndNoBalancedColumns() {
        List<ExpectedRow> rows = service.client().expected("sample.hic", 500_000, null);
        try (HicFile f = HicFile.open(TestData.sample("sample.hic"), 500_000, null)) {
            assertThat(rows).hasSize((int) f.bins().size());
            var e = Expectations.of(f, "NONE");
            assertThat(rows.get(3).countAvg()).isEqualTo(e.cis(0, 3));
            assertThat(rows.get(3).countSum()).isNaN();
            assertThat(rows.get(3).balancedAvg()).isNaN();
        }
    }

    @Test
    void unknownVectorIs404ListingWhatExists() {
        assertThatThrownBy(() -> service.client().expected("sample.hic", 50_000, "KR"))
                .isInstanceOf(HicServeHttpException.class).hasMessageContaining("SCALE");
    }

    @Test
    void queriesCarryMatrixAndCountType() {
        assertThat(Query.of("a.hic").range1("chr1").matrixType(MatrixType.OE).countType(CountType.FLOAT)
                .toQueryString()).contains("matrix_type=oe").contains("count_type=float");
        assertThat(CisQuery.of("a.hic").matrixType(MatrixType.EXPECTED).toQueryString())
                .contains("matrix_type=expected").doesNotContain("count_type");
        assertThat(Query.of("a.hic").range1("chr1").toQueryString()).doesNotContain("matrix_type");
    }
}
