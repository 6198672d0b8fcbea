package org.hicserve.service.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.Reference;

/**
 * Where tiles fall on the concatenated genome (clodius' layout): chromosomes end to end in file order, zoom z at
 * the z-th coarsest resolution, tile (x, y) covering genome positions {@code [x * 256 r, (x + 1) * 256 r)} along
 * bin1 (columns) and the same with y along bin2 (rows). Immutable.
 */
public final class TileGeometry {
    public static final int SIZE = 256;
    private final long[] chromStart;
    private final long genomeLength;
    private final List<Integer> coarseToFine;

    public TileGeometry(Reference reference, List<Integer> resolutions) {
        List<Chromosome> chroms = reference.chromosomes();
        this.chromStart = new long[chroms.size() + 1];
        for (int i = 0; i < chroms.size(); i++) {
            chromStart[i + 1] = chromStart[i] + chroms.get(i).length();
        }
        this.genomeLength = chromStart[chroms.size()];
        List<Integer> r = new ArrayList<>(resolutions);
        r.sort(Comparator.reverseOrder());
        this.coarseToFine = List.copyOf(r);
    }

    public long genomeLength() {
        return genomeLength;
    }

    /** Genome position of the start of a chromosome. */
    public long chromStart(int chromId) {
        return chromStart[chromId];
    }

    public int zoomLevels() {
        return coarseToFine.size();
    }

    /** The resolution of a zoom level: 0 is the coarsest. */
    public int resolution(int zoom) {
        if (zoom < 0 || zoom >= coarseToFine.size()) {
            throw new IllegalArgumentException("zoom " + zoom + " outside 0.." + (coarseToFine.size() - 1));
        }
        return coarseToFine.get(zoom);
    }

    /** Whether a tile of a zoom level starts inside the genome (others are not answered, as higlass-server does). */
    public boolean covers(int zoom, long x, long y) {
        if (zoom < 0 || zoom >= coarseToFine.size() || x < 0 || y < 0) {
            return false;
        }
        long span = (long) SIZE * resolution(zoom);
        return x <= genomeLength / span && y <= genomeLength / span && x * span < genomeLength && y * span < genomeLength;
    }

    /** The bins of a tile along one axis, for the bin table of the zoom's resolution. */
    public TileAxis axis(BinTable bins, long tileIndex) {
        return TileAxis.of(this, bins, tileIndex * (long) SIZE * bins.resolution());
    }
}
