package org.hicserve.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One read over several files and both formats (the sample pair and the real files that have 100 kb), grouped by
 * file: each file's total equals the reader's whole-genome answer, the two dm6 files (one matrix, two formats) agree
 * with hictkpy's constants, and the README's per-diagonal mean equals one computed from the reader.
 */
class SparkMultiFileTest {
    private static final int RESOLUTION = 100_000;
    private static List<Path> files;
    private static Dataset<Row> pixels;

    @BeforeAll
    static void load() {
        files = List.of(TestData.sample("sample.mcool"), TestData.sample("sample.hic"),
                TestData.shared("cooler_dm6_100kb_1mb_weights.mcool"), TestData.shared("juicer_v9_dm6_100kb_ice.hic"),
                TestData.shared("juicer_v8_hg19_chr22only_9res.hic"));
        pixels = SharedSpark.session().read().format("hic").option("resolution", RESOLUTION)
                .load(files.stream().map(Path::toString).toArray(String[]::new));
    }

    @Test
    void eachFileTotalsWhatTheReaderReadsForItsWholeGenome() {
        Map<String, long[]> bySpark = new HashMap<>();
        for (Row r : pixels.groupBy("file").agg(org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum("count")).collectAsList()) {
            bySpark.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        assertThat(bySpark).hasSize(files.size());
        for (Path p : files) {
            PixelTally whole = wholeGenome(p);
            assertThat(bySpark.get(p.toAbsolutePath().toString())).as(p.getFileName().toString())
                    .containsExactly(whole.pixels(), (long) whole.sum());
        }
        // the same dm6 matrix as .mcool and .hic: hictkpy's whole-file constants (REFERENCE.md)
        assertThat(bySpark.get(files.get(2).toString())).containsExactly(890_384L, 119_208_613L);
        assertThat(bySpark.get(files.get(3).toString())).containsExactly(890_384L, 119_208_613L);
        // the sample pair holds the same contacts
        assertThat(bySpark.get(files.get(0).toString())).isEqualTo(bySpark.get(files.get(1).toString()));
    }

    @Test
    void perDiagonalMeanAcrossFilesAsInTheReadme() {
        // the README's example: mean contact of the stored (non-zero) pixels per diagonal, cis only, per file
        Dataset<Row> expected = pixels.where("chrom1 = chrom2")
                .selectExpr("file", "bin2_id - bin1_id AS diagonal", "count")
                .groupBy("file", "diagonal").agg(org.apache.spark.sql.functions.avg("count").alias("mean"),
                        org.apache.spark.sql.functions.count("*").alias("pixels"))
                .where("diagonal < 5");
        Map<String, Double> bySpark = new HashMap<>();
        for (Row r : expected.collectAsList()) {
            bySpark.put(r.getString(0) + "#" + r.getLong(1), r.getDouble(2));
        }
        assertThat(bySpark).hasSize(5 * files.size());
        for (Path p : List.of(files.get(1), files.get(2))) {
            Map<Long, double[]> byReader = diagonals(p);
            for (long d = 0; d < 5; d++) {
                double[] sumAndN = byReader.get(d);
                assertThat(bySpark.get(p + "#" + d)).as(p.getFileName() + " diagonal " + d)
                        .isCloseTo(sumAndN[0] / sumAndN[1], within(1e-9 * sumAndN[0] / sumAndN[1]));
            }
        }
    }

    private static PixelTally wholeGenome(Path p) {
        long n = 0;
        double sum = 0;
        try (MatrixFile f = MatrixFiles.open(p, RESOLUTION)) {
            List<Chromosome> chroms = f.chromosomes().chromosomes();
            for (int i = 0; i < chroms.size(); i++) {
                for (int j = i; j < chroms.size(); j++) {
                    PixelTally t = PixelTally.of(f.fetch(PixelQuery.of(GenomicInterval.whole(chroms.get(i)),
                            GenomicInterval.whole(chroms.get(j)))));
                    n += t.pixels();
                    sum += t.sum();
                }
            }
        }
        return new PixelTally(n, sum, 0, 0);
    }

    /** Sum and number of the cis pixels of each of the first diagonals, straight from the reader. */
    private static Map<Long, double[]> diagonals(Path p) {
        Map<Long, double[]> out = new LinkedHashMap<>();
        try (MatrixFile f = MatrixFiles.open(p, RESOLUTION)) {
            for (Chromosome c : f.chromosomes().chromosomes()) {
                try (PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(c)))) {
                    while (s.hasNext()) {
                        PixelBatch b = s.next();
                        for (int i = 0; i < b.size(); i++) {
                            double[] acc = out.computeIfAbsent(b.bin2()[i] - b.bin1()[i], k -> new double[2]);
                            acc[0] += b.count(i);
                            acc[1]++;
                        }
                    }
                }
            }
        }
        return out;
    }
}
