package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hicserve.reader.testing.Corruption;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service answering a cis query whose last chromosome cannot be read: the answer has started (status 200,
 * the first chromosomes streamed) when the failure comes, so the service aborts it; the client must throw
 * {@link TruncatedStreamException} in every result form, never return the shorter answer.
 */
class TruncatedAnswerTest {
    @TempDir
    static Path dataDir;
    // small batches: the first chromosomes are on the wire long before the broken one is reached
    @RegisterExtension
    static final RunningService service = RunningService.over(() -> {
        TestData.copySamples(dataDir, "sample.mcool");
        Path broken = dataDir.resolve("late-corruption.mcool");
        Files.copy(TestData.sample("sample.mcool"), broken);
        Corruption.overwriteLastChunk(broken, "/resolutions/5000/pixels/bin2_id");
        return dataDir;
    }, "--hicserve.batch-rows=2000");

    @Test
    void aCisAnswerCutByTheServiceThrowsInsteadOfEndingShort() {
        CisQuery q = CisQuery.of("late-corruption.mcool").resolution(5000);
        try (PixelStream s = service.client().cis(q)) {
            assertThatThrownBy(() -> {
                while (s.nextBatch()) {
                    assertThat(s.rowCount()).isPositive();
                }
            }).isInstanceOfSatisfying(TruncatedStreamException.class, e -> {
                assertThat(e.bytesRead()).isPositive();
                assertThat(e.getMessage()).contains("incomplete");
            });
            assertThat(s.rowsRead()).as("the first chromosomes did arrive").isPositive();
        }
        assertThatThrownBy(() -> service.client().coo(q)).isInstanceOf(TruncatedStreamException.class);
        assertThatThrownBy(() -> {
            try (Stream<Pixel> pixels = service.client().cis(q).pixels()) {
                pixels.count();
            }
        }).isInstanceOf(TruncatedStreamException.class);
        assertThatThrownBy(() -> {
            try (Stream<JoinedPixel> pixels = service.client().cis(q.join(true)).joinedPixels()) {
                pixels.count();
            }
        }).isInstanceOf(TruncatedStreamException.class);
    }

    @Test
    void theBrokenChromosomeAloneFailsBeforeTheAnswerAndTheRestIsServed() {
        assertThatThrownBy(() -> service.client().pixels(Query.of("late-corruption.mcool").resolution(5000).range1("chrX")).close())
                .isInstanceOfSatisfying(HicServeHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("unreadable_file");
                });
        Answers.assertMatches(Answers.viaCoo(service.client(), CisQuery.of("late-corruption.mcool").resolution(5000)
                .chromosomes("chr1", "chr3")), 113300 + 53076, 249204 + 128737, "NONE");
        // the intact copy's chrX: cis of one chromosome = pixels of that chromosome
        CooMatrix cis = service.client().coo(CisQuery.of("sample.mcool").resolution(5000).chromosomes("chrX"));
        CooMatrix pixels = service.client().coo(Query.of("sample.mcool").resolution(5000).range1("chrX"));
        assertThat(cis.size()).isPositive();
        assertThat(cis.bin1()).isEqualTo(pixels.bin1());
        assertThat(cis.bin2()).isEqualTo(pixels.bin2());
        assertThat(cis.count()).isEqualTo(pixels.count());
    }
}
