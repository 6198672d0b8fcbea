package org.hicserve.spark;

import java.io.Serializable;

/**
 * One region query of a partition, in the file's own chromosome names: pixels with bin1 overlapping
 * {@code chrom1:[start1, end1)} and bin2 overlapping {@code chrom2:[start2, end2)}, as the reader answers them.
 */
record PixelRegion(String chrom1, long start1, long end1, String chrom2, long start2, long end2) implements Serializable {
    @Override
    public String toString() {
        return chrom1 + ":" + start1 + "-" + end1 + " x " + chrom2 + ":" + start2 + "-" + end2;
    }
}
