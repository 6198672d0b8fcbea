package org.hicserve.service.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Tiles cell by cell against an independent computation (cooler's dense matrix, {@link CoolerTiles}) at float32
 * precision, raw and balanced, on the bundled sample and a real dm6 .mcool (whose chromosome ends fall inside
 * cells); the .hic twin of the sample gives the .mcool's raw tiles; NaN rows and columns sit on the bins without
 * weights.
 */
class TileValuesTest {
    private static final CoolerTiles.Spec[] SAMPLE = {
        new CoolerTiles.Spec(500000, 0, 0, "weight"),   // z=0: the whole genome, its end inside the tile
        new CoolerTiles.Spec(500000, 0, 0, "None"),
        new CoolerTiles.Spec(100000, 0, 1, "weight"),   // off the diagonal, chr1 x chr1..chr3 (trans inside)
        new CoolerTiles.Spec(50000, 2, 2, "weight"),    // on the diagonal, chr2
        new CoolerTiles.Spec(10000, 10, 10, "None"),    // chr3 / chrX boundary with chr3's 3-bp last bin
        new CoolerTiles.Spec(10000, 10, 10, "weight"),
        new CoolerTiles.Spec(5000, 3, 20, "weight"),    // trans: chr1 x chrX
        new CoolerTiles.Spec(5000, 24, 24, "None"),     // the genome's last tile
    };

    @Test
    void sampleTilesMatchCoolerCellByCell() throws Exception {
        compare(TestData.sample("sample.mcool"), List.of(SAMPLE));
    }

    @Test
    void realDm6TilesMatchCoolerCellByCell() throws Exception {
        Path f = TestData.shared("cooler_dm6_100kb_1mb_weights.mcool");
        compare(f, List.of(
                new CoolerTiles.Spec(1000000, 0, 0, "None"),
                new CoolerTiles.Spec(100000, 1, 1, "KR"),
                new CoolerTiles.Spec(100000, 0, 0, "weight"),   // chr2L's short last bin shares a cell with chr2R's first
                new CoolerTiles.Spec(100000, 0, 3, "None"),
                new CoolerTiles.Spec(100000, 4, 4, "VC"),
                new CoolerTiles.Spec(100000, 5, 5, "weight"))); // chr4, chrX, chrY, chrM: the genome's end
    }

    @Test
    void hicTwinGivesTheSameRawTiles() {
        FileMetadata cool = MatrixFiles.readMetadata(TestData.sample("sample.mcool"));
        FileMetadata hic = MatrixFiles.readMetadata(TestData.sample("sample.hic"));
        for (CoolerTiles.Spec s : SAMPLE) {
            try (MatrixFile c = cool.open(s.resolution(), null); MatrixFile h = hic.open(s.resolution(), null)) {
                TileGeometry gc = new TileGeometry(c.chromosomes(), cool.resolutions());
                TileGeometry gh = new TileGeometry(h.chromosomes(), hic.resolutions());
                float[] a = TileService.compute(c, gc, s.x(), s.y(), "NONE").values();
                float[] b = TileService.compute(h, gh, s.x(), s.y(), "NONE").values();
                assertThat(b).as("%s", s).containsExactly(a);
                double sum = 0;
                for (float v : a) {
                    sum += Float.isNaN(v) ? 0 : v;
                }
                assertThat(sum).as("tile %s has contacts", s).isPositive();
            }
        }
    }

    @Test
    void hicNormalizedTilesAreNaNExactlyOnBinsWithoutAVector() {
        FileMetadata hic = MatrixFiles.readMetadata(TestData.sample("sample.hic"));
        try (MatrixFile h = hic.open(5000, null)) {
            TileGeometry g = new TileGeometry(h.chromosomes(), hic.resolutions());
            int nanColumns = 0;
            for (long x = 0; x < 3; x++) {
                TileAxis axis = g.axis(h.bins(), x);
                DenseTile t = TileService.compute(h, g, x, x, "SCALE");
                for (long b = axis.bins().first(); b < axis.bins().end(); b++) {
                    int col = axis.cellOf(b);
                    if (col < 0) {
                        continue;
                    }
                    Weights w = h.weights("SCALE", h.bins().chromIdOf(b));
                    boolean missing = TileComputer.missing(w, b);
                    nanColumns += missing ? 1 : 0;
                    for (int row = 0; row < TileGeometry.SIZE; row++) {
                        if (missing) {
                            assertThat(t.get(row, col)).as("bin %d column", b).isNaN();
                        } else if (!TileComputer.missing(w, b - col + row)) {
                            assertThat(t.get(row, col)).as("bin %d row %d", b, row).isNotNaN();
                        }
                    }
                }
            }
            assertThat(nanColumns).as("the sample has bins without SCALE weights in chr1").isPositive();
        }
    }

    private static void compare(Path file, List<CoolerTiles.Spec> specs) throws Exception {
        List<float[]> expected = CoolerTiles.expected(file, specs);
        FileMetadata md = MatrixFiles.readMetadata(file);
        int nanCells = 0;
        for (int k = 0; k < specs.size(); k++) {
            CoolerTiles.Spec s = specs.get(k);
            try (MatrixFile f = md.open(s.resolution(), null)) {
                TileGeometry g = new TileGeometry(f.chromosomes(), md.resolutions());
                String norm = Transforms.normalization(s.transform(), f.normalizations());
                float[] got = TileService.compute(f, g, s.x(), s.y(), norm).values();
                float[] want = expected.get(k);
                List<String> wrong = new ArrayList<>();
                boolean nonZero = false;
                for (int i = 0; i < DenseTile.CELLS; i++) {
                    float e = want[i];
                    float a = got[i];
                    nanCells += Float.isNaN(e) ? 1 : 0;
                    nonZero |= !Float.isNaN(e) && e != 0;
                    boolean same = Float.isNaN(e) ? Float.isNaN(a) : Math.abs(a - e) <= 2e-7 * Math.abs(e);
                    if (!same && wrong.size() < 5) {
                        wrong.add("row " + i / 256 + " col " + i % 256 + ": " + a + " != " + e);
                    }
                }
                assertThat(wrong).as("%s %s", file.getFileName(), s).isEmpty();
                assertThat(nonZero).as("%s %s has contacts", file.getFileName(), s).isTrue();
            }
        }
        assertThat(nanCells).as("NaN rows/columns and cells past the genome's end were checked").isPositive();
    }
}
