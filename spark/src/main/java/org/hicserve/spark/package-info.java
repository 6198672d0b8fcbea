/**
 * An Apache Spark DataSource V2 over hicserve's reader: {@code spark.read.format("hic")} reads .hic, .cool and .mcool
 * files as a table of pixels ({@code file, chrom1, start1, end1, chrom2, start2, end2, bin1_id, bin2_id, count}).
 * The driver plans one input partition per file and chromosome pair (a large chromosome split further into row
 * slices of bins), filters on chromosomes and coordinates narrow those partitions into region queries, and each
 * task streams its query's batches straight into Spark column vectors. Scheduling, retries and scale are Spark's.
 */
package org.hicserve.spark;
