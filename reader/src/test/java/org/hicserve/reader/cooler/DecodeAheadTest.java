package org.hicserve.reader.cooler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decoding ahead on an executor gives exactly the pixels of decoding on the reading thread, in the same order. */
class DecodeAheadTest {
    private final ExecutorService decoders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        decoders.shutdownNow();
    }

    private static List<Pixel> fetch(CoolerFile f, String r1, String r2, String norm, QuerySpan span) {
        var q = PixelQuery.of(UcscParser.parse(f.chromosomes(), r1), UcscParser.parse(f.chromosomes(), r2))
                .withNormalization(norm).withSpan(span);
        return PixelTally.pixels(f.fetch(q));
    }

    @Test
    void sameAnswersWithAndWithoutDecodingAhead() {
        String[][] queries = {{"chr1", "chr1", "NONE"}, {"chr1", "chr1", "weight"}, {"chrX", "chr1", "weight"},
                {"chr2:1,234,567-8,765,432", "chr2:1,234,567-8,765,432", "NONE"}, {"chr1", "chr3", "NONE"}};
        for (int resolution : new int[] {5000, 10000}) {
            for (String[] q : queries) {
                for (QuerySpan span : QuerySpan.values()) {
                    List<Pixel> inline;
                    try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), resolution)) {
                        inline = fetch(f, q[0], q[1], q[2], span);
                    }
                    try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), resolution)) {
                        f.decodeAhead(decoders, 3);
                        assertThat(fetch(f, q[0], q[1], q[2], span)).as(List.of(q) + " " + span).isEqualTo(inline);
                        // and a second query on the same handle
                        assertThat(fetch(f, q[0], q[1], q[2], span)).isEqualTo(inline);
                    }
                }
            }
        }
    }

    @Test
    void anExecutorThatRefusesWorkOnlySlowsThingsDown() {
        List<Pixel> inline;
        try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 5000)) {
            inline = fetch(f, "chr1", "chr1", "NONE", QuerySpan.UPPER_TRIANGLE);
        }
        try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 5000)) {
            f.decodeAhead(task -> {
                throw new RejectedExecutionException("full");
            }, 4);
            assertThat(fetch(f, "chr1", "chr1", "NONE", QuerySpan.UPPER_TRIANGLE)).isEqualTo(inline);
        }
    }

    @Test
    void closingMidQueryWithWindowsInFlightIsClean() {
        try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 5000)) {
            f.decodeAhead(decoders, 4);
            var selector = f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1")).withBatchRows(1000));
            assertThat(selector.hasNext()).isTrue();
            selector.next();
            selector.close();
            // the handle still answers afterwards
            assertThat(PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr3")))).pixels())
                    .isEqualTo(53076);
        }
    }
}
