package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.FileFormat;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/** Metadata, errors and query semantics of {@link HicFile} on the bundled sample and the shared real files. */
class HicFileTest {

    private static Path sample() {
        return TestData.sample("sample.hic");
    }

    @Test
    void v9HeaderFields() {
        HicMetadata m = HicMetadata.read(TestData.shared("juicer_v9_dm6_100kb_ice.hic"));
        HicHeader h = m.header();
        assertThat(h.version()).isEqualTo(9);
        assertThat(h.normVectorIndexPosition()).isEqualTo(2014972L);
        assertThat(h.normVectorIndexLength()).isEqualTo(221L);
        assertThat(h.attributes()).containsEntry("software", "Juicer Tools Version 3.30.00")
                .containsEntry("hicFileScalingFactor", "1.0");
        assertThat(h.genomeId()).endsWith("reference.chrom.sizes");
        assertThat(h.chromosomes().get(0).name()).isEqualTo("All");
        assertThat(h.bpResolutions()).containsExactly(100_000);
        assertThat(h.fragResolutions()).isEmpty();
        // 28 chromosome pairs with contacts + All_All
        assertThat(m.footer().masterIndex()).hasSize(29).containsKeys("0_0", "1_1", "1_2", "7_7")
                .doesNotContainKey("8_8"); // chrM has no contacts

        try (HicFile f = HicFile.open(m, 0, null)) {
            assertThat(f.format()).isEqualTo(FileFormat.HIC);
            assertThat(f.formatVersion()).isEqualTo("9");
            assertThat(f.assembly()).isEqualTo("reference");
            assertThat(f.resolution()).isEqualTo(100_000);
            assertThat(f.resolutions()).containsExactly(100_000);
            assertThat(f.unit()).isEqualTo(MatrixUnit.BP);
            assertThat(f.normalizations()).containsExactly("NONE", "ICE");
            assertThat(f.normalizationsByResolution()).containsExactly(Map.entry(100_000, List.of("NONE", "ICE")));
            assertThat(f.hasFloatCounts()).isFalse();
            assertThat(f.chromosomes().names())
                    .containsExactly("chr2L", "chr2R", "chr3L", "chr3R", "chr4", "chrX", "chrY", "chrM");
            assertThat(f.chromosomes().get(0)).isEqualTo(new Chromosome(0, "chr2L", 23_513_712));
            assertThat(f.bins().size()).isEqualTo(1380);
            assertThat(f.bins().chromOffset(1)).isEqualTo(236);
        }
    }

    @Test
    void sampleMetadata() {
        try (HicFile f = HicFile.open(sample(), 10_000, MatrixUnit.BP)) {
            assertThat(f.formatVersion()).isEqualTo("9");
            assertThat(f.assembly()).isEqualTo("demo");
            assertThat(f.chromosomes().names()).containsExactly("chr1", "chr2", "chr3", "chrX");
            assertThat(f.chromosomes().find("All")).isEmpty();
            assertThat(f.chromosomes().find("ALL")).isEmpty();
            assertThat(f.resolutions()).containsExactly(5000, 10_000, 50_000, 100_000, 500_000);
            assertThat(f.bins().size()).isEqualTo(3171);
            assertThat(f.normalizations()).first().isEqualTo("NONE");
            assertThat(f.normalizations()).containsExactlyInAnyOrder("NONE", "VC", "VC_SQRT", "SCALE");
            assertThat(f.normalizationsByResolution()).containsOnlyKeys(5000, 10_000, 50_000, 100_000, 500_000);
        }
    }

    @Test
    void allIsHiddenOnlyWhenNamedAll() {
        try (HicFile f = HicFile.open(TestData.shared("juicer_v8_hg19_2500kb_allnorms.hic"), 2_500_000, null)) {
            assertThat(f.metadata().header().chromosomes().get(0).name()).isEqualTo("ALL");
            assertThat(f.chromosomes().size()).isEqualTo(25);
            assertThat(f.chromosomes().get(0).name()).isEqualTo("1");
            assertThat(f.normalizations()).containsExactlyInAnyOrder("NONE", "VC", "VC_SQRT", "KR", "SCALE");
            assertThat(f.assembly()).isEqualTo("hg19");
        }
        // orca files have a real chromosome at index 0 and no All
        try (HicFile f = HicFile.open(TestData.shared("orca_v8_tiny_bp.hic"), 0, null)) {
            assertThat(f.chromosomes().names()).containsExactly("chr0");
            assertThat(f.resolution()).isEqualTo(10_000);
            assertThat(f.assembly()).isEqualTo("ORCA");
        }
    }

    @Test
    void fragmentUnits() {
        Path p = TestData.shared("orca_v8_tiny_frag.hic");
        try (HicFile f = HicFile.open(p, 0, null)) {
            assertThat(f.unit()).isEqualTo(MatrixUnit.FRAG);
            assertThat(f.resolution()).isEqualTo(1);
            // length in fragments = nSites; whole chromosome = the 50x50 square, both triangles stored
            assertThat(f.chromosomes().get(0).length()).isEqualTo(50);
            assertThat(Totals.of(f.fetch(PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(0))))))
                    .isEqualTo(new Totals(2500, 80500));
            // FULL on a file that stores both triangles: the upper records and their mirrors, no duplicates
            assertThat(Totals.pixels(f.fetch(PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(0)))
                    .withSpan(QuerySpan.FULL)))).hasSize(2500);
        }
        assertThatThrownBy(() -> HicFile.open(p, 0, MatrixUnit.BP)).isInstanceOf(UnknownNameException.class);
    }

    @Test
    void noNormalizationSectionMeansOnlyNone() {
        try (HicFile f = HicFile.open(TestData.shared("juicer_v8_hg38_6res_nonorms.hic"), 1_000_000, null)) {
            assertThat(f.normalizations()).containsExactly("NONE");
            assertThat(f.metadata().footer().normVectors()).isEmpty();
            assertThat(f.normalizationsByResolution().values()).allSatisfy(l -> assertThat(l).containsExactly("NONE"));
            assertThat(f.resolutions()).containsExactly(500_000, 1_000_000, 2_000_000, 4_000_000, 8_000_000,
                    16_000_000);
            assertThat(f.assembly()).isEqualTo("hg38.mainonly");
            assertThatThrownBy(() -> f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "1")).withNormalization("KR")))
                    .isInstanceOf(UnknownNameException.class).hasMessageContaining("'KR'").hasMessageContaining("NONE");
        }
    }

    @Test
    void unknownNamesListWhatExists() {
        try (HicFile f = HicFile.open(sample(), 100_000, null)) {
            assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), "chr9"))
                    .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                        assertThat(e.kind()).isEqualTo("chromosome");
                        assertThat(e.available()).containsExactly("chr1", "chr2", "chr3", "chrX");
                    });
            assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), "All")).isInstanceOf(UnknownNameException.class);
            PixelQuery q = PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1")).withNormalization("KR");
            assertThatThrownBy(() -> f.fetch(q)).isInstanceOfSatisfying(UnknownNameException.class, e -> {
                assertThat(e.kind()).isEqualTo("normalization");
                assertThat(e.name()).isEqualTo("KR");
                assertThat(e.available()).containsExactlyInAnyOrder("NONE", "VC", "VC_SQRT", "SCALE");
            });
        }
        assertThatThrownBy(() -> HicFile.open(sample(), 1234, null))
                .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                    assertThat(e.kind()).isEqualTo("resolution");
                    assertThat(e.name()).isEqualTo("1234");
                    assertThat(e.available()).containsExactly("5000", "10000", "50000", "100000", "500000");
                });
        // several resolutions: 0 is ambiguous
        assertThatThrownBy(() -> HicFile.open(sample(), 0, null)).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("5000");
        assertThatThrownBy(() -> HicFile.open(sample(), 1, MatrixUnit.FRAG)).isInstanceOf(UnknownNameException.class);
    }

    @Test
    void rangeFromAnotherFileIsRejected() {
        try (HicFile f = HicFile.open(sample(), 100_000, null)) {
            GenomicInterval foreign = GenomicInterval.whole(new Chromosome(0, "chr2L", 1000));
            assertThatThrownBy(() -> f.fetch(PixelQuery.cis(foreign))).isInstanceOf(InvalidQueryException.class);
        }
    }

    @Test
    void normalizationNameIsMatchedIgnoringCase() {
        try (HicFile f = HicFile.open(sample(), 100_000, null)) {
            GenomicInterval r = UcscParser.parse(f.chromosomes(), "chr3");
            assertThat(Totals.of(f.fetch(PixelQuery.cis(r).withNormalization("vc"))))
                    .isEqualTo(Totals.of(f.fetch(PixelQuery.cis(r).withNormalization("VC"))));
        }
    }

    @Test
    void countTypes() {
        try (HicFile f = HicFile.open(sample(), 100_000, null)) {
            GenomicInterval r = UcscParser.parse(f.chromosomes(), "chr3");
            try (PixelSelector s = f.fetch(PixelQuery.cis(r))) {
                assertThat(s.countType()).isEqualTo(CountType.INT32);
                assertThat(s.next().isFloat()).isFalse();
            }
            try (PixelSelector s = f.fetch(PixelQuery.cis(r).withNormalization("SCALE"))) {
                assertThat(s.countType()).isEqualTo(CountType.FLOAT64);
            }
        }
    }

    @Test
    void transQueryIsTheTransposeOfTheStoredMatrix() {
        try (HicFile f = HicFile.open(sample(), 50_000, null)) {
            GenomicInterval x = UcscParser.parse(f.chromosomes(), "chrX:1,000,001-2,500,000");
            GenomicInterval c1 = UcscParser.parse(f.chromosomes(), "chr1:4,321,000-7,654,321");
            Map<String, Double> later = Totals.pixels(f.fetch(PixelQuery.of(x, c1)));
            Map<String, Double> stored = Totals.pixels(f.fetch(PixelQuery.of(c1, x)));
            assertThat(later).isNotEmpty().hasSameSizeAs(stored);
            Map<String, Double> transposed = new HashMap<>();
            stored.forEach((k, v) -> {
                String[] b = k.split(" ");
                transposed.put(b[1] + " " + b[0], v);
            });
            assertThat(later).isEqualTo(transposed);
            long xFirst = f.bins().overlapping(x).first();
            try (PixelSelector s = f.fetch(PixelQuery.of(x, c1))) {
                PixelBatch b = s.next();
                assertThat(b.bin1()[0]).isGreaterThanOrEqualTo(xFirst); // bin1 is on the range1 (chrX) side
            }
        }
    }

    @Test
    void fullSpanAddsTheMirrorOfEveryOffDiagonalPixel() {
        try (HicFile f = HicFile.open(sample(), 100_000, null)) {
            GenomicInterval r = UcscParser.parse(f.chromosomes(), "chr2");
            Map<String, Double> upper = Totals.pixels(f.fetch(PixelQuery.cis(r)));
            Map<String, Double> full = Totals.pixels(f.fetch(PixelQuery.cis(r).withSpan(QuerySpan.FULL)));
            long diagonal = upper.keySet().stream().filter(k -> k.split(" ")[0].equals(k.split(" ")[1])).count();
            assertThat(full).hasSize(2 * upper.size() - (int) diagonal).containsAllEntriesOf(upper);
            upper.forEach((k, v) -> {
                String[] b = k.split(" ");
                assertThat(full).containsEntry(b[1] + " " + b[0], v);
            });
            // an off-diagonal rectangle under FULL: the stored pixels plus the mirrors that fall inside it
            GenomicInterval a = UcscParser.parse(f.chromosomes(), "chr2:0-3,000,000");
            GenomicInterval b = UcscParser.parse(f.chromosomes(), "chr2:2,000,000-6,000,000");
            Map<String, Double> rect = Totals.pixels(f.fetch(PixelQuery.of(a, b).withSpan(QuerySpan.FULL)));
            Map<String, Double> expected = new HashMap<>();
            full.forEach((k, v) -> {
                String[] p = k.split(" ");
                if (f.bins().overlapping(a).contains(Long.parseLong(p[0]))
                        && f.bins().overlapping(b).contains(Long.parseLong(p[1]))) {
                    expected.put(k, v);
                }
            });
            assertThat(rect).isEqualTo(expected);
        }
    }

    @Test
    void batchesAreBoundedAndChunksSortedPerBlock() {
        try (HicFile f = HicFile.open(sample(), 5000, null)) {
            GenomicInterval r = UcscParser.parse(f.chromosomes(), "chr1");
            long total = 0;
            try (PixelSelector s = f.fetch(PixelQuery.cis(r).withBatchRows(1000))) {
                while (s.hasNext()) {
                    PixelBatch b = s.next();
                    assertThat(b.size()).isBetween(1, 1000);
                    total += b.size();
                }
            }
            assertThat(total).isEqualTo(113_300);
        }
    }

    /**
     * Block selection: any sub-rectangle must return exactly the whole-chromosome pixels that fall inside it, while
     * reading fewer blocks. Random rectangles over v9 rotated blocks (sample.hic at 5 kb, dm6) and v8 grid blocks.
     */
    @Test
    void subRectanglesMatchFilteredWholeChromosome() {
        checkSubRectangles(sample(), 5000, "chr1", "chr2", 40);
        checkSubRectangles(TestData.shared("juicer_v8_hg19_chr22only_9res.hic"), 10_000, "22", "21", 25);
    }

    private static void checkSubRectangles(Path path, int resolution, String cis, String other, int iterations) {
        Random rnd = new Random(42);
        try (HicFile f = HicFile.open(path, resolution, null)) {
            Chromosome c = f.chromosomes().byName(cis);
            Chromosome o = f.chromosomes().byName(other);
            Map<String, Double> whole = Totals.pixels(f.fetch(PixelQuery.cis(GenomicInterval.whole(c))));
            Map<String, Double> trans = Totals.pixels(f.fetch(PixelQuery.of(GenomicInterval.whole(o),
                    GenomicInterval.whole(c))));
            for (int i = 0; i < iterations; i++) {
                GenomicInterval a = randomInterval(rnd, c);
                GenomicInterval b = rnd.nextBoolean() ? a : randomInterval(rnd, c);
                assertThat(Totals.pixels(f.fetch(PixelQuery.of(a, b)))).as(a + " x " + b)
                        .isEqualTo(filter(whole, f, a, b));
                GenomicInterval t = randomInterval(rnd, o);
                assertThat(Totals.pixels(f.fetch(PixelQuery.of(t, a)))).as(t + " x " + a)
                        .isEqualTo(filter(trans, f, t, a));
            }
            // a small query reads a few blocks, not all of them
            GenomicInterval small = new GenomicInterval(c, c.length() / 2, c.length() / 2 + 20L * resolution);
            int f1 = f.metadata().fileIndex(c.id());
            MatrixZoom zoom = f.metadata().zoom(f.channel(), f1, f1, MatrixUnit.BP, resolution).orElseThrow();
            long off = f.bins().chromOffset(c.id());
            long lo = f.bins().overlapping(small).first() - off;
            long hi = f.bins().overlapping(small).end() - off;
            HicPixelSource src = new HicPixelSource(f, zoom, f.metadata().version() >= 9, HicPixelSource.Mode.DIRECT,
                    new HicPixelSource.RelativeBins(lo, hi, lo, hi, off, off), false);
            assertThat(src.blockCount()).isPositive().isLessThan(zoom.blockCount());
        }
    }

    private static GenomicInterval randomInterval(Random rnd, Chromosome c) {
        long s = (long) (rnd.nextDouble() * c.length());
        long e = Math.min(c.length(), s + 1 + (long) (rnd.nextDouble() * c.length() / 3));
        return new GenomicInterval(c, s, e);
    }

    private static Map<String, Double> filter(Map<String, Double> all, HicFile f, GenomicInterval a, GenomicInterval b) {
        Map<String, Double> out = new HashMap<>();
        all.forEach((k, v) -> {
            String[] p = k.split(" ");
            if (f.bins().overlapping(a).contains(Long.parseLong(p[0]))
                    && f.bins().overlapping(b).contains(Long.parseLong(p[1]))) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void missingVectorForOneChromosomeDropsItsPixels() {
        // KR at 5 kb is all-NaN for chr22: every pixel drops, nothing crashes
        try (HicFile f = HicFile.open(TestData.shared("juicer_v8_hg19_chr22only_9res.hic"), 5000, null)) {
            GenomicInterval r = UcscParser.parse(f.chromosomes(), "22");
            assertThat(Totals.of(f.fetch(PixelQuery.cis(r).withNormalization("KR"))).pixels()).isZero();
            // only matrices involving 22 exist: 1 x 2 is absent and yields nothing
            GenomicInterval one = UcscParser.parse(f.chromosomes(), "1");
            GenomicInterval two = UcscParser.parse(f.chromosomes(), "2");
            assertThat(Totals.of(f.fetch(PixelQuery.of(one, two))).pixels()).isZero();
        }
    }

    @Test
    void sharedMetadataServesManyHandles() throws Exception {
        HicMetadata m = HicMetadata.read(sample());
        Totals expected;
        try (HicFile f = HicFile.open(m, 100_000, null)) {
            expected = Totals.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1"))
                    .withNormalization("VC")));
        }
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Object> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try (HicFile f = HicFile.open(m, 100_000, null)) {
                    results.add(Totals.of(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1"))
                            .withNormalization("VC"))));
                } catch (Throwable e) {
                    results.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    @Test
    void closedHandleRefusesToRead() {
        HicFile f = HicFile.open(sample(), 100_000, null);
        PixelSelector s = f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr1")));
        f.close();
        assertThatThrownBy(s::hasNext).isInstanceOf(IllegalStateException.class);
        f.close(); // idempotent
    }
}
