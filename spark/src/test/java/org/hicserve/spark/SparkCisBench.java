package org.hicserve.spark;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;

/**
 * Whole-genome cis of one file ({@code count(*)} and {@code sum(count)} of {@code chrom1 = chrom2}) through the data
 * source on {@code local[N]}, or straight through the reader on one thread ({@code reader}), best of a few runs after
 * a warm-up. Not a test: bench/spark-cis.sh runs it next to the service's {@code /cis}.
 *
 * <p>Usage: {@code SparkCisBench FILE RESOLUTION local[1]|local[2]|reader RUNS}
 */
public final class SparkCisBench {
    private SparkCisBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int resolution = Integer.parseInt(args[1]);
        String mode = args[2];
        int runs = Integer.parseInt(args[3]);
        double best = Double.MAX_VALUE;
        String answer = "";
        SparkSession spark = mode.equals("reader") ? null : SparkSession.builder().master(mode).appName("cis-bench")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        for (int run = 0; run <= runs; run++) { // run 0 warms up
            long t0 = System.nanoTime();
            if (spark == null) {
                answer = readerCis(file, resolution);
            } else {
                Row r = spark.read().format("hic").option("resolution", resolution).load(file.toString())
                        .where("chrom1 = chrom2").selectExpr("count(*)", "sum(count)").first();
                answer = r.get(0) + " pixels, sum " + r.get(1);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (run > 0) {
                best = Math.min(best, s);
            }
            System.err.printf("%s run %d: %.3f s (%s)%n", mode, run, s, answer);
        }
        System.out.printf("%s\t%.3f\t%s%n", mode, best, answer);
        if (spark != null) {
            spark.stop();
        }
    }

    /** The same answer from the reader alone, chromosome after chromosome on this thread. */
    private static String readerCis(Path file, int resolution) {
        long n = 0;
        long sum = 0;
        try (MatrixFile f = MatrixFiles.open(file, resolution)) {
            for (Chromosome c : f.chromosomes().chromosomes()) {
                try (PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(c)))) {
                    while (s.hasNext()) {
                        PixelBatch b = s.next();
                        for (int i = 0; i < b.size(); i++) {
                            sum += (long) b.count(i);
                        }
                        n += b.size();
                    }
                }
            }
        }
        return n + " pixels, sum " + sum;
    }
}
