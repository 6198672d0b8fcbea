package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.HicStraw;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pixel-by-pixel comparison with an independent reader: the npm package hic-straw 2.1.4, run by
 * {@code reader/src/test/node/dump-records.mjs} (install with {@code npm install} in that folder). Skipped when
 * {@code node} or the package is missing, unless {@code HICSERVE_REQUIRE_SHARED_DATA=1}.
 *
 * <p>hic-straw 2.1.4's {@code getContactRecords} returns chromosome-relative bin indices in the stored orientation
 * (straw's C++ CLI prints genomic starts instead); both sides are turned into genome-wide bin ids here. Regions are
 * widened to whole bins as in REFERENCE.md, since hic-straw drops the last partial bin's block otherwise.
 */
class HicStrawCrossCheckTest {
    @BeforeAll
    static void findNode() {
        HicStraw.require();
    }

    @ParameterizedTest(name = "{0} {1} x {2} {3}")
    @CsvSource({
        "juicer_v9_dm6_100kb_ice.hic, chr2R, chr2R, NONE, 100000",
        "juicer_v9_dm6_100kb_ice.hic, chr2R, chr2R, ICE, 100000",
        "juicer_v9_dm6_100kb_ice.hic, chr2L, chr2R, NONE, 100000",
        "juicer_v9_dm6_100kb_ice.hic, chr2L, chr2R, ICE, 100000",
        "juicer_v8_hg19_2500kb_allnorms.hic, 1, 1, KR, 2500000",
        "juicer_v8_hg19_2500kb_allnorms.hic, 1, 2, SCALE, 2500000",
    })
    void sameRecordsAsHicStraw(String file, String chr1, String chr2, String norm, int resolution) {
        Path path = TestData.shared(file);
        try (HicFile f = HicFile.open(path, resolution, null)) {
            GenomicInterval r1 = UcscParser.parse(f.chromosomes(), chr1);
            GenomicInterval r2 = UcscParser.parse(f.chromosomes(), chr2);
            Map<String, Double> ours = Totals.pixels(f.fetch(PixelQuery.of(r1, r2).withNormalization(norm)));
            Map<String, Double> theirs = hicStraw(path, norm, resolution, r1, r2, f.bins().chromOffset(r1.chromosome().id()),
                    f.bins().chromOffset(r2.chromosome().id()));
            assertThat(ours).isNotEmpty();
            assertThat(ours.keySet()).isEqualTo(theirs.keySet());
            theirs.forEach((k, v) -> {
                double o = ours.get(k);
                if (norm.equals("NONE")) {
                    assertThat(o).as(k).isEqualTo(v);
                } else {
                    // same float32/float64 vector values and the same division: equal up to the last bits
                    assertThat(Math.abs(o - v)).as(k + ": " + o + " vs " + v).isLessThanOrEqualTo(Math.abs(v) * 1e-12);
                }
            });
        }
    }

    private static Map<String, Double> hicStraw(Path file, String norm, int resolution, GenomicInterval r1,
            GenomicInterval r2, long off1, long off2) {
        long end1 = (r1.chromosome().length() + resolution - 1) / resolution * resolution;
        long end2 = (r2.chromosome().length() + resolution - 1) / resolution * resolution;
        List<String> lines = HicStraw.run("dump-records.mjs", List.of(file.toAbsolutePath().toString(), norm, "BP",
                String.valueOf(resolution), r1.chromosome().name(), "0", String.valueOf(end1), r2.chromosome().name(),
                "0", String.valueOf(end2)), List.of(), Duration.ofSeconds(120), file + " " + r1 + " x " + r2);
        Map<String, Double> records = new HashMap<>();
        for (String line : lines) {
            String[] c = line.split("\t");
            double v = Double.parseDouble(c[2]);
            if (!Double.isFinite(v)) {
                continue; // hic-straw filters 0/NaN products but not every non-finite value; we drop them all
            }
            Double old = records.put((off1 + Long.parseLong(c[0])) + " " + (off2 + Long.parseLong(c[1])), v);
            assertThat(old).as("hic-straw returned a record twice: " + line).isNull();
        }
        return records;
    }
}
