package org.hicserve.spark;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * The work of one Spark task: region queries on one file, read one after the other with one handle. Most partitions
 * hold one region (a chromosome pair, or a slice of a large chromosome's rows); pairs of small chromosomes are packed
 * together so that a genome of many contigs does not become millions of tasks.
 */
record PixelPartition(String path, List<PixelRegion> regions) implements InputPartition {
    PixelPartition {
        regions = List.copyOf(regions);
    }
}
