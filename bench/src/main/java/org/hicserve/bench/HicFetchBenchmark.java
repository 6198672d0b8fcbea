package org.hicserve.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.hic.HicFile;
import org.hicserve.reader.model.MatrixUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Skeleton: the .hic counterpart of {@link CoolerFetchBenchmark} (same queries, same PIXELS lines), on one handle
 * opened per trial. There is no large synthetic .hic yet (make-data.sh writes only cooler files); give one with
 * {@code -p file=...}, e.g. made from bench/data/large_10k.cool with hictk convert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class HicFetchBenchmark {
    /** A .hic file; required. */
    @Param("")
    public String file;

    @Param("10000")
    public int resolution;

    @Param({"NONE"})
    public String normalization;

    @Param("chr1")
    public String chromosome;

    @Param("chr1:100,000,000-105,000,000")
    public String window;

    /** Threads decoding blocks ahead of the reading thread (MatrixFile.decodeAhead); 0 decodes on the reading thread. */
    @Param({"0"})
    public int decodeThreads;

    private HicFile hic;
    private java.util.concurrent.ExecutorService decoders;
    private PixelQuery wholeQuery;
    private PixelQuery windowQuery;

    @Setup(Level.Trial)
    public void setUp() {
        hic = HicFile.open(Path.of(FetchSupport.requireFile(file, ".hic")), resolution, MatrixUnit.BP);
        if (decodeThreads > 0) {
            decoders = java.util.concurrent.Executors.newFixedThreadPool(decodeThreads, r -> {
                Thread t = new Thread(r, "decoder");
                t.setDaemon(true);
                return t;
            });
            hic.decodeAhead(decoders, 2 * decodeThreads);
        }
        wholeQuery = FetchSupport.query(hic, chromosome, normalization);
        windowQuery = FetchSupport.query(hic, window, normalization);
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        FetchSupport.announce("HicFetchBenchmark.wholeChromosome", file, chromosome, normalization,
                FetchSupport.drain(hic, wholeQuery, bh));
        FetchSupport.announce("HicFetchBenchmark.window5Mb", file, window, normalization,
                FetchSupport.drain(hic, windowQuery, bh));
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hic.close();
        if (decoders != null) {
            decoders.shutdownNow();
        }
    }

    @Benchmark
    public long wholeChromosome(Blackhole bh) {
        return FetchSupport.drain(hic, wholeQuery, bh);
    }

    @Benchmark
    public long window5Mb(Blackhole bh) {
        return FetchSupport.drain(hic, windowQuery, bh);
    }
}
