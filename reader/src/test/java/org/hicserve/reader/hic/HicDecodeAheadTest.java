package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding .hic blocks ahead on an executor gives exactly the pixels of decoding them on the reading thread, in the
 * same order, on the bundled sample and on real Juicer files (v8, v9's rotated cis grid), raw and balanced, cis in
 * both spans and trans both ways.
 */
class HicDecodeAheadTest {
    private final ExecutorService decoders = Executors.newFixedThreadPool(2);

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        decoders.shutdownNow();
    }

    private static List<Pixel> fetch(HicFile f, String r1, String r2, String norm, QuerySpan span) {
        var q = PixelQuery.of(UcscParser.parse(f.chromosomes(), r1), UcscParser.parse(f.chromosomes(), r2))
                .withNormalization(norm).withSpan(span);
        return PixelTally.pixels(f.fetch(q));
    }

    private void sameAnswers(Path file, int resolution, String norm, String[][] queries) {
        HicMetadata m = HicMetadata.read(file);
        for (String[] q : queries) {
            for (QuerySpan span : QuerySpan.values()) {
                List<Pixel> inline;
                try (HicFile f = HicFile.open(m, resolution, MatrixUnit.BP)) {
                    inline = fetch(f, q[0], q[1], norm, span);
                }
                try (HicFile f = HicFile.open(m, resolution, MatrixUnit.BP)) {
                    f.decodeAhead(decoders, 2);
                    assertThat(fetch(f, q[0], q[1], norm, span)).as(file.getFileName() + " " + List.of(q) + " " + span)
                            .isNotEmpty().isEqualTo(inline);
                    // and a second query on the same handle
                    assertThat(fetch(f, q[0], q[1], norm, span)).isEqualTo(inline);
                }
            }
        }
    }

    @Test
    void sameAnswersOnTheSample() {
        String[][] queries = {{"chr1", "chr1"}, {"chrX", "chr1"}, {"chr1", "chr3"},
                {"chr2:1,234,567-8,765,432", "chr2:1,234,567-8,765,432"}, {"chr2:1,000,000-3,000,000", "chr2"}};
        for (int resolution : new int[] {5000, 10000}) {
            for (String norm : new String[] {"NONE", "SCALE"}) {
                sameAnswers(TestData.sample("sample.hic"), resolution, norm, queries);
            }
        }
    }

    @Test
    void sameAnswersOnRealFiles() {
        sameAnswers(TestData.shared("juicer_v9_dm6_100kb_ice.hic"), 100_000, "ICE",
                new String[][] {{"chr2L", "chr2L"}, {"chr3R", "chr2L"}, {"chr3L:2,000,000-9,000,000", "chr3L"}});
        sameAnswers(TestData.shared("juicer_v8_hg19_chr22only_9res.hic"), 10000, "KR",
                new String[][] {{"22", "22"}, {"22:30,000,000-34,000,000", "22:31,000,000-40,000,000"}});
    }

    @Test
    void decodesTheSameBlocksAndOnlyThose() {
        HicMetadata m = HicMetadata.read(TestData.sample("sample.hic"));
        long inline;
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1"))));
            inline = f.storageUnitsRead();
        }
        java.util.concurrent.atomic.AtomicInteger submitted = new java.util.concurrent.atomic.AtomicInteger();
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            f.decodeAhead(task -> {
                submitted.incrementAndGet();
                decoders.execute(task);
            }, 3);
            PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1"))));
            assertThat(inline).isGreaterThan(3);
            assertThat(f.storageUnitsRead()).isEqualTo(inline);
            assertThat(submitted.get()).as("blocks handed to the decoders").isEqualTo((int) inline - 1);
        }
    }

    @Test
    void anExecutorThatRefusesWorkOnlySlowsThingsDown() {
        HicMetadata m = HicMetadata.read(TestData.sample("sample.hic"));
        List<Pixel> inline;
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            inline = fetch(f, "chr1", "chr1", "NONE", QuerySpan.FULL);
        }
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            f.decodeAhead(task -> {
                throw new RejectedExecutionException("full");
            }, 4);
            assertThat(fetch(f, "chr1", "chr1", "NONE", QuerySpan.FULL)).isEqualTo(inline);
        }
    }

    @Test
    void closingMidQueryWithBlocksInFlightIsClean() {
        HicMetadata m = HicMetadata.read(TestData.sample("sample.hic"));
        long chr3;
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            chr3 = PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr3")))).pixels();
        }
        try (HicFile f = HicFile.open(m, 5000, MatrixUnit.BP)) {
            f.decodeAhead(decoders, 4);
            var selector = f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1")).withBatchRows(1000));
            assertThat(selector.hasNext()).isTrue();
            selector.next();
            selector.close();
            // the handle still answers afterwards
            assertThat(PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr3")))).pixels())
                    .isPositive().isEqualTo(chr3);
        }
    }

    @Test
    void aCorruptBlockDecodedAheadFailsTheQueryOnItsThread() throws IOException {
        Path copy = TestData.copyTo(TestData.sample("sample.hic"), tmp);
        HicMetadata good = HicMetadata.read(copy);
        long at;
        int blocks;
        try (HicFile f = HicFile.open(good, 5000, MatrixUnit.BP)) {
            int i = good.fileIndex(0);
            MatrixZoom z = good.zoom(f.channel(), i, i, MatrixUnit.BP, 5000).orElseThrow();
            blocks = z.blockCount();
            at = z.positions()[blocks - 1] + z.sizes()[blocks - 1] / 2; // the middle of the last block of chr1
        }
        assertThat(blocks).isGreaterThan(2);
        byte[] bytes = Files.readAllBytes(copy);
        for (int k = 0; k < 16; k++) {
            bytes[(int) at + k] ^= (byte) 0x5A;
        }
        Files.write(copy, bytes);
        HicMetadata broken = HicMetadata.read(copy);
        try (HicFile f = HicFile.open(broken, 5000, MatrixUnit.BP)) {
            f.decodeAhead(decoders, 2);
            assertThatThrownBy(() -> PixelTally.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1")))))
                    .isInstanceOf(MalformedFileException.class);
        }
    }
}
