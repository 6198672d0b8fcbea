package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service answering a cis query whose last chromosome cannot be read: the answer has started (status 200,
 * the first chromosomes streamed) when the failure comes, so the service aborts it; the client must throw
 * {@link TruncatedStreamException} in every result form, never return the shorter answer.
 */
class TruncatedAnswerTest {
    @TempDir
    static Path dataDir;
    static RunningService service;
    static HicClient client;

    @BeforeAll
    static void start() throws Exception {
        Files.copy(TestData.sample("sample.mcool"), dataDir.resolve("sample.mcool"));
        Path broken = dataDir.resolve("late-corruption.mcool");
        Files.copy(TestData.sample("sample.mcool"), broken);
        corruptLastPixelChunk(broken, "/resolutions/5000/pixels/bin2_id");
        // small batches: the first chromosomes are on the wire long before the broken one is reached
        service = RunningService.start(dataDir, "--hicserve.batch-rows=2000");
        client = service.client();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** Overwrites the middle of the last compressed chunk of a column (as the service's StreamingHttpTest does). */
    static void corruptLastPixelChunk(Path file, String dataset) throws Exception {
        long address;
        int size;
        try (HdfFile h5 = new HdfFile(file)) {
            ChunkedDatasetBase ds = (ChunkedDatasetBase) h5.getDatasetByPath(dataset);
            Method lookup = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            lookup.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Object, Chunk> chunks = (Map<Object, Chunk>) lookup.invoke(ds);
            Chunk last = chunks.values().stream().max(Comparator.comparingLong(c -> c.getChunkOffset()[0])).orElseThrow();
            address = last.getAddress();
            size = last.getSize();
        }
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] junk = new byte[Math.max(8, size / 2)];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            ch.write(java.nio.ByteBuffer.wrap(junk), address + size / 4);
        }
    }

    @Test
    void aCisAnswerCutByTheServiceThrowsInsteadOfEndingShort() {
        CisQuery q = CisQuery.of("late-corruption.mcool").resolution(5000);
        try (PixelStream s = client.cis(q)) {
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
        assertThatThrownBy(() -> client.coo(q)).isInstanceOf(TruncatedStreamException.class);
        assertThatThrownBy(() -> {
            try (Stream<Pixel> pixels = client.cis(q).pixels()) {
                pixels.count();
            }
        }).isInstanceOf(TruncatedStreamException.class);
        assertThatThrownBy(() -> {
            try (Stream<JoinedPixel> pixels = client.cis(q.join(true)).joinedPixels()) {
                pixels.count();
            }
        }).isInstanceOf(TruncatedStreamException.class);
    }

    @Test
    void theBrokenChromosomeAloneFailsBeforeTheAnswerAndTheRestIsServed() {
        assertThatThrownBy(() -> client.pixels(Query.of("late-corruption.mcool").resolution(5000).range1("chrX")).close())
                .isInstanceOfSatisfying(HicServeHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("unreadable_file");
                });
        Answers.assertMatches(Answers.viaCoo(client, CisQuery.of("late-corruption.mcool").resolution(5000)
                .chromosomes("chr1", "chr3")), 113300 + 53076, 249204 + 128737, "NONE");
        // the intact copy's chrX: cis of one chromosome = pixels of that chromosome
        CooMatrix cis = client.coo(CisQuery.of("sample.mcool").resolution(5000).chromosomes("chrX"));
        CooMatrix pixels = client.coo(Query.of("sample.mcool").resolution(5000).range1("chrX"));
        assertThat(cis.size()).isPositive();
        assertThat(cis.bin1()).isEqualTo(pixels.bin1());
        assertThat(cis.bin2()).isEqualTo(pixels.bin2());
        assertThat(cis.count()).isEqualTo(pixels.count());
    }
}
