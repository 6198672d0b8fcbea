package org.hicserve.service.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.Reference;
import org.junit.jupiter.api.Test;

/** Zoom levels, which tiles exist, and where bins fall on a tile axis (chromosome ends inside cells). */
class TileGeometryTest {
    // chrA ends 3 bp into a 10 bp bin: its last bin is 3 bp long, and chrB's first bin starts in the same cell
    private final Reference ref = new Reference(List.of(new Chromosome(0, "chrA", 2003), new Chromosome(1, "chrB", 1000)));
    private final TileGeometry g = new TileGeometry(ref, List.of(10, 100, 1000));

    @Test
    void zoomZeroIsTheCoarsestResolution() {
        assertThat(g.zoomLevels()).isEqualTo(3);
        assertThat(g.resolution(0)).isEqualTo(1000);
        assertThat(g.resolution(2)).isEqualTo(10);
        assertThat(g.genomeLength()).isEqualTo(3003);
    }

    @Test
    void onlyTilesStartingInsideTheGenomeExist() {
        assertThat(g.covers(0, 0, 0)).isTrue();
        assertThat(g.covers(0, 1, 0)).isFalse();
        assertThat(g.covers(2, 1, 1)).as("2560..5120 starts inside 3003").isTrue();
        assertThat(g.covers(2, 2, 0)).isFalse();
        assertThat(g.covers(2, -1, 0)).isFalse();
        assertThat(g.covers(3, 0, 0)).isFalse();
    }

    @Test
    void aChromosomesShortLastBinGivesWayToTheNextChromosomesFirst() {
        FixedBinTable bins = new FixedBinTable(ref, 10);
        TileAxis a = g.axis(bins, 0); // positions 0..2560
        // chrA: bins 0..200 (bin 200 = chrA:2000-2003); chrB: bin 201 starts at genome position 2003
        assertThat(a.bins().first()).isZero();
        assertThat(a.cellOf(199)).isEqualTo(199);
        assertThat(a.cellOf(200)).as("hidden by chrB's first bin").isEqualTo(-1);
        assertThat(a.cellOf(201)).isEqualTo(200);
        assertThat(a.cellOf(202)).isEqualTo(201); // chrB:10-20 at 2013
        assertThat(a.endCell()).isEqualTo(256);
        TileAxis b = g.axis(bins, 1); // positions 2560..5120
        // chrB bins start at 2003 + 10k: the first at or after 2560 is chrB:560 (bin 201 + 56)
        assertThat(b.bins().first()).isEqualTo(257);
        assertThat(b.cellOf(257)).isEqualTo(0);
        assertThat(b.cellOf(256)).isEqualTo(-1);
        assertThat(b.endCell()).as("3003 falls in cell 44").isEqualTo(44);
        assertThat(b.cellOf(bins.size() - 1)).isEqualTo(43);
    }
}
