package org.hicserve.spark;

import org.hicserve.reader.model.GenomicInterval;

/**
 * The SQL predicate that selects a reader query's pixels from the table: the bins overlapping each range (the reader's
 * rule). A trans query whose range1 comes later in the file is the transpose of the stored pixels, which the table
 * holds as (range2, range1): same pixels, same count and sum.
 */
final class RegionSql {
    private RegionSql() {
    }

    static String where(GenomicInterval range1, GenomicInterval range2) {
        GenomicInterval a = range1;
        GenomicInterval b = range2;
        if (a.chromosome().id() > b.chromosome().id()) {
            a = range2;
            b = range1;
        }
        return side("1", a) + " AND " + side("2", b);
    }

    private static String side(String n, GenomicInterval r) {
        String s = "chrom" + n + " = '" + r.chromosome().name().replace("'", "''") + "'";
        if (!r.isWholeChromosome()) {
            s += " AND end" + n + " > " + r.start() + " AND start" + n + " < " + r.end();
        }
        return s;
    }
}
