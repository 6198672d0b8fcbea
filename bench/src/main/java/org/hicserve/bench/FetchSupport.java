package org.hicserve.bench;

import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.openjdk.jmh.infra.Blackhole;

/** What the fetch benchmarks share: building the query and draining a selector as a consumer would. */
final class FetchSupport {
    private FetchSupport() {
    }

    static PixelQuery query(MatrixFile f, String region, String normalization) {
        GenomicInterval r = UcscParser.parse(f.chromosomes(), region);
        return PixelQuery.cis(r).withNormalization(normalization);
    }

    /** Reads every batch and touches every pixel; returns the pixel count. */
    static long drain(MatrixFile f, PixelQuery q, Blackhole bh) {
        long n = 0;
        try (PixelSelector s = f.fetch(q)) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                long acc = 0;
                double sum = 0;
                for (int i = 0; i < b.size(); i++) {
                    acc += b.bin1()[i] ^ b.bin2()[i];
                    sum += b.count(i);
                }
                bh.consume(acc);
                bh.consume(sum);
                n += b.size();
            }
        }
        return n;
    }

    /** One line the run script parses to turn seconds per fetch into pixels per second. */
    static void announce(String benchmark, String file, String region, String normalization, long pixels) {
        System.out.println("PIXELS\t" + benchmark + "\t" + region + "\t" + normalization + "\t" + pixels + "\t" + file);
    }

    static String requireFile(String file, String what) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("no " + what + " given: run with -p file=/path/to/" + what
                    + " (bench/make-data.sh writes bench/data/large.mcool)");
        }
        return file;
    }
}
