package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnsupportedFormatException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and bit-flipped copies of real files: opening, describing and fetching whole chromosomes must either
 * succeed or throw a {@link ReaderException} subclass: never hang, run out of memory, or throw anything else
 * (ArrayIndexOutOfBounds, NegativeArraySize, IllegalArgument...). The test JVM runs with -Xmx1g.
 */
class HicCorruptionTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void badMagicAndVersion() throws IOException {
        byte[] good = Files.readAllBytes(TestData.sample("sample.hic"));
        Path p = tmp.resolve("bad.hic");

        byte[] b = good.clone();
        b[0] = 'X';
        Files.write(p, b);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HicMetadata.read(p))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("bad.hic").hasMessageContaining("magic");

        for (int version : new int[] {5, 10, -1}) {
            b = good.clone();
            b[4] = (byte) version;
            b[5] = (byte) (version >> 8);
            b[6] = (byte) (version >> 16);
            b[7] = (byte) (version >> 24);
            Files.write(p, b);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HicMetadata.read(p))
                    .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("version " + version);
        }

        Files.write(p, new byte[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HicMetadata.read(p))
                .isInstanceOf(MalformedFileException.class);
    }

    @Test
    void footerPositionPastTheEndNamesFieldAndOffset() throws IOException {
        byte[] b = Files.readAllBytes(TestData.sample("sample.hic"));
        Arrays.fill(b, 8, 16, (byte) 0x7f);
        Path p = tmp.resolve("footer.hic");
        Files.write(p, b);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HicMetadata.read(p))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("footer.hic").hasMessageContaining("footerPosition").hasMessageContaining("offset 8");
    }

    @Test
    void truncatedSample() throws IOException {
        truncations(TestData.sample("sample.hic"), 500_000, 120);
    }

    @Test
    void flippedSample() throws IOException {
        flips(TestData.sample("sample.hic"), 500_000, 300, 1);
    }

    @Test
    void truncatedAndFlippedV8() throws IOException {
        Path p = TestData.shared("juicer_v8_hg19_2500kb_allnorms.hic");
        truncations(p, 2_500_000, 60);
        flips(p, 2_500_000, 150, 2);
    }

    @Test
    void truncatedAndFlippedV9Dm6() throws IOException {
        Path p = TestData.shared("juicer_v9_dm6_100kb_ice.hic");
        truncations(p, 100_000, 60);
        flips(p, 100_000, 150, 3);
    }

    /** Byte regions of a file worth hitting: header, footer, matrix records, and the blocks of one resolution. */
    private record Regions(long headerEnd, long footer, long size, List<long[]> records, List<long[]> blocks) {
        static Regions of(Path path, int resolution) {
            HicMetadata m = HicMetadata.read(path);
            List<long[]> records = new ArrayList<>();
            m.footer().masterIndex().values().forEach(e -> records.add(new long[] {e.position(), e.size()}));
            long headerEnd = records.stream().mapToLong(r -> r[0]).min().orElse(256);
            List<long[]> blocks = new ArrayList<>();
            try (HicFile f = HicFile.open(m, resolution, MatrixUnit.BP)) {
                for (Chromosome c : f.chromosomes().chromosomes()) {
                    int i = m.fileIndex(c.id());
                    m.zoom(f.channel(), i, i, MatrixUnit.BP, resolution).ifPresent(z -> {
                        for (int b = 0; b < z.blockCount(); b++) {
                            blocks.add(new long[] {z.positions()[b], z.sizes()[b]});
                        }
                    });
                }
            }
            return new Regions(headerEnd, m.header().footerPosition(), m.fileSize(), records, blocks);
        }

        long pick(Random rnd) {
            return switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong(headerEnd);
                case 1 -> footer + rnd.nextLong(size - footer);
                case 2 -> inside(rnd, records.get(rnd.nextInt(records.size())));
                default -> blocks.isEmpty() ? rnd.nextLong(size) : inside(rnd, blocks.get(rnd.nextInt(blocks.size())));
            };
        }

        private static long inside(Random rnd, long[] r) {
            return r[0] + rnd.nextLong(Math.max(1, r[1]));
        }
    }

    private void truncations(Path source, int resolution, int iterations) throws IOException {
        byte[] good = Files.readAllBytes(source);
        Regions regions = Regions.of(source, resolution);
        Random rnd = new Random(20240601L + iterations);
        Path p = tmp.resolve("truncated-" + source.getFileName());
        List<Long> offsets = new ArrayList<>();
        for (long o = 0; o < Math.min(64, regions.headerEnd()); o++) {
            offsets.add(o); // every offset of the first fields
        }
        for (int i = 0; i < iterations; i++) {
            offsets.add(regions.pick(rnd));
        }
        int failures = 0;
        for (long cut : offsets) {
            Files.write(p, Arrays.copyOf(good, (int) cut));
            if (!exercise(p, resolution, "truncated at " + cut)) {
                failures++;
            }
        }
        assertThat(failures).as("truncations that were detected").isPositive();
    }

    private void flips(Path source, int resolution, int iterations, long seed) throws IOException {
        byte[] good = Files.readAllBytes(source);
        Regions regions = Regions.of(source, resolution);
        Random rnd = new Random(seed);
        Path p = tmp.resolve("flipped-" + source.getFileName());
        for (int i = 0; i < iterations; i++) {
            byte[] b = good.clone();
            int n = 1 + rnd.nextInt(4);
            StringBuilder what = new StringBuilder("flipped");
            for (int k = 0; k < n; k++) {
                int at = (int) regions.pick(rnd);
                b[at] ^= (byte) (1 + rnd.nextInt(255));
                what.append(' ').append(at);
            }
            Files.write(p, b);
            exercise(p, resolution, what.toString());
        }
    }

    /** Opens, describes and drains whole chromosomes; returns false when the file was rejected (properly). */
    private static boolean exercise(Path p, int resolution, String what) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                HicMetadata m = HicMetadata.read(p);
                try (HicFile f = HicFile.open(m, resolution, MatrixUnit.BP)) {
                    f.assembly();
                    f.resolutions();
                    f.normalizationsByResolution();
                    f.bins().size();
                    List<String> norms = f.normalizations();
                    List<Chromosome> chroms = f.chromosomes().chromosomes();
                    for (Chromosome c : chroms) {
                        GenomicInterval w = GenomicInterval.whole(c);
                        drain(f.fetch(PixelQuery.cis(w)));
                        drain(f.fetch(PixelQuery.cis(w).withNormalization(norms.get(norms.size() - 1))));
                    }
                    if (chroms.size() > 1) {
                        drain(f.fetch(PixelQuery.of(GenomicInterval.whole(chroms.get(1)),
                                GenomicInterval.whole(chroms.get(0)))));
                    }
                }
                return true;
            } catch (ReaderException e) {
                assertThat(e.getMessage()).as(what).isNotBlank();
                return false;
            }
        }, what);
    }

    private static void drain(PixelSelector s) {
        try (s) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                assertThat(b.size()).isPositive();
            }
        }
    }
}
