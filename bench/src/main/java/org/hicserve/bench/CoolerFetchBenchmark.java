package org.hicserve.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.query.PixelQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cooler fetches as the service does them: metadata parsed once (the service caches it), then per request a new
 * handle, one query, every pixel consumed. Seconds per fetch; the pixel count of each query is printed once per
 * trial ("PIXELS ..." lines) so that pixels per second can be derived (bench/run-reader-bench.sh does).
 *
 * <pre>java -jar bench/target/benchmarks.jar CoolerFetchBenchmark -p file=bench/data/large.mcool -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CoolerFetchBenchmark {
    /** A .cool or .mcool; required. */
    @Param("")
    public String file;

    @Param("10000")
    public int resolution;

    @Param({"NONE", "weight"})
    public String normalization;

    /** The whole-chromosome query. */
    @Param("chr1")
    public String chromosome;

    /** The window query (5 Mb). */
    @Param("chr1:100,000,000-105,000,000")
    public String window;

    /** Threads decoding ahead of the reading thread (MatrixFile.decodeAhead); 0 decodes on the reading thread. */
    @Param({"0"})
    public int decodeThreads;

    private CoolerMetadata metadata;
    private java.util.concurrent.ExecutorService decoders;
    private PixelQuery wholeQuery;
    private PixelQuery windowQuery;

    @Setup(Level.Trial)
    public void setUp() {
        decoders = decodeThreads > 0 ? java.util.concurrent.Executors.newFixedThreadPool(decodeThreads, r -> {
            Thread t = new Thread(r, "decoder");
            t.setDaemon(true);
            return t;
        }) : null;
        metadata = CoolerMetadata.read(Path.of(FetchSupport.requireFile(file, ".mcool")));
        try (CoolerFile f = CoolerFile.open(metadata, resolution)) {
            wholeQuery = FetchSupport.query(f, chromosome, normalization);
            windowQuery = FetchSupport.query(f, window, normalization);
            Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
            FetchSupport.announce("CoolerFetchBenchmark.wholeChromosome", file, chromosome, normalization,
                    FetchSupport.drain(f, wholeQuery, bh));
            FetchSupport.announce("CoolerFetchBenchmark.window5Mb", file, window, normalization,
                    FetchSupport.drain(f, windowQuery, bh));
            bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        }
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() {
        if (decoders != null) {
            decoders.shutdownNow();
        }
    }

    private CoolerFile open() {
        CoolerFile f = CoolerFile.open(metadata, resolution);
        if (decoders != null) {
            f.decodeAhead(decoders, 2 * decodeThreads);
        }
        return f;
    }

    @Benchmark
    public long wholeChromosome(Blackhole bh) {
        try (CoolerFile f = open()) {
            return FetchSupport.drain(f, wholeQuery, bh);
        }
    }

    @Benchmark
    public long window5Mb(Blackhole bh) {
        try (CoolerFile f = open()) {
            return FetchSupport.drain(f, windowQuery, bh);
        }
    }
}
