package org.hicserve.reader.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.UcscParser;

/**
 * Fuzzes the query-string parsers: {@link UcscParser#parse} against a small reference (names with ':' and '-' as
 * real assemblies have, an empty chromosome), {@link QuerySpan#parse} and {@link MatrixUnit#parse}. Any string either
 * parses to an interval inside its chromosome or fails with a {@link ReaderException}.
 */
class QueryFuzzTest {
    static final Reference REFERENCE = new Reference(List.of(
            new Chromosome(0, "chr1", 248_956_422),
            new Chromosome(1, "chrX", 156_040_895),
            new Chromosome(2, "HLA-A*01:01:01:01", 3503),
            new Chromosome(3, "chrUn_KI270742v1", 186_739),
            new Chromosome(4, "1", 1000),
            new Chromosome(5, "empty", 0)));

    @FuzzTest(maxDuration = "5m")
    void regions(FuzzedDataProvider data) {
        String region = data.consumeString(200);
        String span = data.consumeString(30);
        String unit = data.consumeRemainingAsString();
        try {
            GenomicInterval g = UcscParser.parse(REFERENCE, region);
            assertThat(g.start()).isGreaterThanOrEqualTo(0);
            assertThat(g.end()).isLessThanOrEqualTo(g.chromosome().length());
            assertThat(g.start()).isLessThanOrEqualTo(g.end());
            assertThat(REFERENCE.get(g.chromosome().id())).isEqualTo(g.chromosome());
        } catch (ReaderException e) {
            // refused with a message: fine
        }
        try {
            QuerySpan.parse(span);
        } catch (ReaderException e) {
            // fine
        }
        try {
            MatrixUnit.parse(unit);
        } catch (ReaderException e) {
            // fine
        }
    }
}
