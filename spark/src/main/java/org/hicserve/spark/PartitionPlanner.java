package org.hicserve.spark;

import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.QuerySpan;

/**
 * Turns a read into input partitions: for each file, each chromosome pair of the genome-wide matrix (the upper
 * triangle {@code chrom1 <= chrom2} in file order, or every ordered pair with {@code query_span=full}) that the
 * pushed filters allow, narrowed to their windows; a pair's rows are cut into slices of at most
 * {@code bins_per_partition} bins, and consecutive small pieces of one file are packed up to that many rows.
 *
 * <p>Each pixel belongs to exactly one slice (the one holding its bin1), so the union of the partitions is exactly what
 * the whole-genome query would return. Slices keep the pair's full column window, so a file storing both triangles
 * (third-party .hic writers) is still read exactly; cutting a .hic pair into slices may read a block that straddles
 * two slices twice.
 */
final class PartitionPlanner {
    private PartitionPlanner() {
    }

    static List<PixelPartition> plan(MatrixCatalog catalog, RegionFilter filter) {
        ReadOptions o = catalog.options();
        long maxRows = o.binsPerPartition();
        List<PixelPartition> out = new ArrayList<>();
        for (MatrixCatalog.Entry e : catalog.entries()) {
            if (!filter.allowsFile(e.label())) {
                continue;
            }
            BinTable bins = e.bins();
            List<PixelRegion> pack = new ArrayList<>();
            long packRows = 0;
            List<Chromosome> chroms = e.reference().chromosomes();
            for (Chromosome c1 : chroms) {
                for (Chromosome c2 : chroms) {
                    if ((o.span() != QuerySpan.FULL && c2.id() < c1.id()) || !filter.allowsPair(c1, c2)
                            || bins.binCount(c1.id()) == 0 || bins.binCount(c2.id()) == 0) {
                        continue;
                    }
                    long[] w1 = filter.window1(c1);
                    long[] w2 = filter.window2(c2);
                    if (w1 == null || w2 == null) {
                        continue;
                    }
                    BinRange rows = bins.overlapping(new GenomicInterval(c1, w1[0], w1[1]));
                    for (long first = rows.first(); first < rows.end(); first += maxRows) {
                        long end = Math.min(rows.end(), first + maxRows);
                        long s = first == rows.first() ? w1[0] : bins.start(first);
                        long t = end == rows.end() ? w1[1] : bins.start(end);
                        if (packRows > 0 && packRows + (end - first) > maxRows) {
                            out.add(new PixelPartition(e.label(), pack));
                            pack = new ArrayList<>();
                            packRows = 0;
                        }
                        pack.add(new PixelRegion(c1.name(), s, t, c2.name(), w2[0], w2[1]));
                        packRows += end - first;
                    }
                }
            }
            if (!pack.isEmpty()) {
                out.add(new PixelPartition(e.label(), pack));
            }
        }
        return out;
    }
}
