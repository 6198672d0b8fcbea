package org.hicserve.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Filters become region queries: a region reads only its blocks (.hic) or chunks (cooler), counted by the reader's
 * {@link MatrixFile#storageUnitsRead()} and added up by the tasks; chromosome filters prune partitions; splitting a
 * chromosome into row slices and mirroring with {@code query_span=full} change nothing in the answer.
 */
class SparkPushdownTest {
    private static final String REGION = "chr2:1234567-3456789";

    private final SparkSession spark = SharedSpark.session();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void aRegionQueryReadsOnlyTheBlocksTheReaderReadsForThatRegion(String name) {
        Path path = TestData.sample(name);
        long wholeByReader;
        long regionByReader;
        PixelTally regionPixels;
        try (MatrixFile f = MatrixFiles.open(path, 5000)) {
            GenomicInterval chr2 = UcscParser.parse(f.chromosomes(), "chr2");
            GenomicInterval region = UcscParser.parse(f.chromosomes(), REGION);
            PixelTally.of(f.fetch(PixelQuery.cis(chr2)));
            wholeByReader = f.storageUnitsRead();
            regionPixels = PixelTally.of(f.fetch(PixelQuery.cis(region)));
            regionByReader = f.storageUnitsRead() - wholeByReader;
        }
        Dataset<Row> pixels = spark.read().format("hic").option("resolution", 5000).load(path.toString());

        long before = ScanStatistics.storageUnitsRead();
        long wholeCount = pixels.where("chrom1 = 'chr2' AND chrom2 = 'chr2'").count();
        long wholeBySpark = ScanStatistics.storageUnitsRead() - before;

        before = ScanStatistics.storageUnitsRead();
        Dataset<Row> region = pixels.where("chrom1 = 'chr2' AND chrom2 = 'chr2' AND end1 > 1234567 AND start1 < 3456789"
                + " AND end2 > 1234567 AND start2 < 3456789");
        Dataset<Row> counted = region.selectExpr("count(*)");
        long regionCount = counted.collectAsList().get(0).getLong(0); // collect runs this very plan (first() would not)
        long regionBySpark = ScanStatistics.storageUnitsRead() - before;

        assertThat(regionCount).isEqualTo(regionPixels.pixels());
        assertThat(wholeCount).isGreaterThan(regionCount);
        assertThat(wholeBySpark).as("units read for chr2").isEqualTo(wholeByReader);
        assertThat(regionBySpark).as("units read for " + REGION + " (chr2: " + wholeBySpark + ")")
                .isEqualTo(regionByReader).isLessThan(wholeBySpark).isPositive();
        assertThat(region.rdd().getNumPartitions()).as("one partition: chr2 x chr2").isEqualTo(1);
        assertThat(scanMetric(counted)).as("the scan's metric in the Spark UI").isEqualTo(regionBySpark);
    }

    /** The "blocks and chunks read" metric of the (only) scan of an executed query. */
    private static long scanMetric(Dataset<Row> executed) {
        SparkPlan plan = executed.queryExecution().executedPlan();
        for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
            if (leaf instanceof BatchScanExec scan) {
                return scan.metrics().get(StorageUnitsMetric.NAME).get().value();
            }
        }
        throw new AssertionError("no BatchScanExec in " + plan);
    }

    @Test
    void chromosomeFiltersPrunePartitions() {
        Dataset<Row> pixels = spark.read().format("hic").option("resolution", 100000)
                .load(TestData.sample("sample.mcool").toString());
        // 4 chromosomes: 10 pairs in the upper triangle, 4 of them cis
        assertThat(pixels.rdd().getNumPartitions()).isEqualTo(1); // small pairs are packed together
        Dataset<Row> onePerPair = spark.read().format("hic").option("resolution", 100000).option("bins_per_partition", 1)
                .load(TestData.sample("sample.mcool").toString());
        assertThat(onePerPair.where("chrom1 = chrom2").rdd().getNumPartitions()).isEqualTo(318); // one per row (bin)
        assertThat(onePerPair.where("chrom1 = 'chrX'").rdd().getNumPartitions()).isEqualTo(40); // chrX x chrX only
        assertThat(onePerPair.where("chrom1 IN ('chr3') AND chrom2 = 'chrX'").rdd().getNumPartitions()).isEqualTo(63);
        assertThat(onePerPair.where("chrom1 = 'chrX' AND start1 >= 1000000 AND start1 < 1500000").rdd()
                .getNumPartitions()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void slicingRowsAndMirroringChangeNothing(String name) {
        Path path = TestData.sample(name);
        PixelTally upper;
        PixelTally full;
        PixelTally trans;
        try (MatrixFile f = MatrixFiles.open(path, 10000)) {
            GenomicInterval chr1 = UcscParser.parse(f.chromosomes(), "chr1");
            GenomicInterval chrX = UcscParser.parse(f.chromosomes(), "chrX");
            upper = PixelTally.of(f.fetch(PixelQuery.cis(chr1)));
            full = PixelTally.of(f.fetch(PixelQuery.cis(chr1).withSpan(QuerySpan.FULL)));
            trans = PixelTally.of(f.fetch(PixelQuery.of(chrX, chr1)));
        }
        // chr1 at 10 kb has 1,200 bins: slices of 100 bins make 12 partitions of chr1 x chr1
        Dataset<Row> sliced = spark.read().format("hic").option("resolution", 10000).option("bins_per_partition", 100)
                .load(path.toString());
        Dataset<Row> cis1 = sliced.where("chrom1 = 'chr1' AND chrom2 = 'chr1'");
        assertThat(cis1.rdd().getNumPartitions()).isEqualTo(12);
        assertThat(cis1.count()).isEqualTo(upper.pixels());
        assertThat(sliced.where("chrom1 = 'chr1' AND chrom2 = 'chrX'").count()).isEqualTo(trans.pixels());

        Dataset<Row> mirrored = spark.read().format("hic").option("resolution", 10000).option("bins_per_partition", 100)
                .option("query_span", "full").load(path.toString());
        Row f = mirrored.where("chrom1 = 'chr1' AND chrom2 = 'chr1'")
                .selectExpr("count(*)", "sum(count)", "count_if(bin1_id > bin2_id)").first();
        assertThat(f.getLong(0)).isEqualTo(full.pixels());
        assertThat(f.getLong(1)).isEqualTo((long) full.sum());
        assertThat(f.getLong(2)).as("lower-triangle pixels").isPositive();
        // full: chrX x chr1 is there too, the transpose of chr1 x chrX
        assertThat(mirrored.where("chrom1 = 'chrX' AND chrom2 = 'chr1'").count()).isEqualTo(trans.pixels());
    }

    @Test
    void badOptionsFailTheLoadWithTheReason() {
        String sample = TestData.sample("sample.mcool").toString();
        assertThatThrownBy(() -> spark.read().format("hic").load(sample))
                .hasMessageContaining("sample.mcool").hasMessageContaining("resolution");
        assertThatThrownBy(() -> spark.read().format("hic").option("resolution", 10000).option("normalization", "KR")
                .load(sample)).hasMessageContaining("KR").hasMessageContaining("weight");
        assertThatThrownBy(() -> spark.read().format("hic").option("resolution", 10000).option("matrix_type", "oe")
                .load(sample)).hasMessageContaining("observed");
        assertThatThrownBy(() -> spark.read().format("hic").option("resolution", 10000).load("s3a://bucket/x.hic"))
                .hasMessageContaining("s3a");
        assertThatThrownBy(() -> spark.read().format("hic").option("resolution", 10000)
                .load(TestData.repoRoot().resolve("test-data/nothing-*.hic").toString()))
                .hasMessageContaining("no file matches");
    }
}
