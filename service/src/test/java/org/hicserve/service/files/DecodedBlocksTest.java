package org.hicserve.service.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.io.DecodedBlockCache;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoded-block cache shared by the handles of {@link ReaderHandles}: answers with it are the answers without it,
 * pixel for pixel, on the bundled sample and on real files of both formats (raw and balanced, overlapping windows
 * so that entries are reused, long-lived and fresh handles mixed); a repeated or overlapping query hits it and
 * inflates fewer blocks; many threads on overlapping windows, with a cache small enough to evict, all get the
 * right answers.
 */
class DecodedBlocksTest {
    /** A file, a resolution, and the normalizations to ask. */
    private record Case(Path file, int resolution, List<String> normalizations) {
    }

    private final ExecutorService decoders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        decoders.shutdownNow();
    }

    private static List<Case> cases() {
        return List.of(new Case(TestData.sample("sample.hic"), 5000, List.of("NONE", "SCALE")),
                new Case(TestData.sample("sample.mcool"), 5000, List.of("NONE", "weight")),
                new Case(TestData.sample("sample.hic"), 50000, List.of("NONE", "VC")),
                new Case(TestData.sample("sample.mcool"), 50000, List.of("NONE", "weight")),
                new Case(TestData.shared("juicer_v9_dm6_100kb_ice.hic"), 100000, List.of("NONE", "ICE")),
                new Case(TestData.shared("cooler_dm6_100kb_1mb_weights.mcool"), 100000, List.of("NONE", "weight")),
                new Case(TestData.shared("juicer_v8_hg19_chr22only_9res.hic"), 10000, List.of("NONE", "KR")),
                new Case(TestData.shared("cooler_yeast_10kb_weight_v2.cool"), 10000, List.of("NONE", "weight")),
                new Case(TestData.shared("cooler_float_counts_2500kb.cool"), 2500000, List.of("NONE", "ICE")));
    }

    /**
     * Windows of a quarter of a chromosome every eighth of it (each overlaps the next by half) on the first two
     * chromosomes, the whole first chromosome, and the pair of them both ways.
     */
    private static List<String[]> windows(MatrixFile f) {
        List<Chromosome> chroms = f.chromosomes().chromosomes();
        List<String[]> out = new ArrayList<>();
        for (Chromosome c : chroms.subList(0, Math.min(2, chroms.size()))) {
            long step = Math.max(1, c.length() / 8);
            for (long s = 0; s + 2 * step <= c.length(); s += step) {
                String w = c.name() + ":" + s + "-" + (s + 2 * step);
                out.add(new String[] {w, w});
            }
        }
        Chromosome first = chroms.get(0);
        out.add(new String[] {first.name(), first.name()});
        if (chroms.size() > 1) {
            out.add(new String[] {first.name(), chroms.get(1).name()});
            out.add(new String[] {chroms.get(1).name(), first.name()});
        }
        return out;
    }

    private static PixelQuery query(MatrixFile f, String[] w, String norm, QuerySpan span) {
        return PixelQuery.of(UcscParser.parse(f.chromosomes(), w[0]), UcscParser.parse(f.chromosomes(), w[1]))
                .withNormalization(norm).withSpan(span);
    }

    private static List<Pixel> fetch(MatrixFile f, String[] w, String norm, QuerySpan span) {
        return PixelTally.pixels(f.fetch(query(f, w, norm, span)));
    }

    @Test
    void answersWithTheCacheAreTheAnswersWithout() {
        DecodedBlocks cache = (DecodedBlocks) DecodedBlocks.of(64L << 20);
        ReaderHandles cached = new ReaderHandles(cache);
        int compared = 0;
        for (Case c : cases()) {
            FileMetadata meta = MatrixFiles.readMetadata(c.file());
            try (MatrixFile plain = meta.open(c.resolution(), null);
                    MatrixFile longLived = cached.open(meta, c.resolution(), null)) {
                for (String[] w : windows(plain)) {
                    for (String norm : c.normalizations()) {
                        for (QuerySpan span : QuerySpan.values()) {
                            List<Pixel> expected = fetch(plain, w, norm, span);
                            String what = c.file().getFileName() + "@" + c.resolution() + " " + List.of(w) + " " + norm
                                    + " " + span;
                            // a handle that has read other windows before (its own buffers reused), and a new one
                            assertThat(fetch(longLived, w, norm, span)).as(what).isEqualTo(expected);
                            try (MatrixFile fresh = cached.open(meta, c.resolution(), null)) {
                                assertThat(fetch(fresh, w, norm, span)).as(what).isEqualTo(expected);
                            }
                            compared += expected.isEmpty() ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(cache.cache().stats().hitCount()).isPositive();
        assertThat(cached.openCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void aSecondOverlappingQueryHitsTheCacheAndInflatesFewerBlocks(String name) {
        FileMetadata meta = MatrixFiles.readMetadata(TestData.sample(name));
        DecodedBlocks cache = (DecodedBlocks) DecodedBlocks.of(64L << 20);
        Cache<?, ?> stats = cache.cache();
        ReaderHandles cached = new ReaderHandles(cache);
        String[] first = {"chr1:2,000,000-6,000,000", "chr1:2,000,000-6,000,000"};
        String[] overlapping = {"chr1:3,000,000-7,000,000", "chr1:3,000,000-7,000,000"};

        long uncachedUnits;
        List<Pixel> expected;
        try (MatrixFile plain = meta.open(5000, null)) {
            expected = fetch(plain, overlapping, "NONE", QuerySpan.UPPER_TRIANGLE);
            uncachedUnits = plain.storageUnitsRead();
        }
        try (MatrixFile a = cached.open(meta, 5000, null)) {
            PixelTally.of(a.fetch(query(a, first, "NONE", QuerySpan.UPPER_TRIANGLE)));
            assertThat(a.storageUnitsRead()).isPositive();
        }
        long hitsBefore = stats.stats().hitCount();
        try (MatrixFile b = cached.open(meta, 5000, null)) {
            assertThat(fetch(b, overlapping, "NONE", QuerySpan.UPPER_TRIANGLE)).isNotEmpty().isEqualTo(expected);
            assertThat(stats.stats().hitCount()).isGreaterThan(hitsBefore);
            assertThat(b.storageUnitsRead()).as("inflated by the overlapping query").isLessThan(uncachedUnits);
        }
        // the same query again inflates nothing at all
        try (MatrixFile c = cached.open(meta, 5000, null)) {
            assertThat(fetch(c, overlapping, "NONE", QuerySpan.UPPER_TRIANGLE)).isEqualTo(expected);
            assertThat(c.storageUnitsRead()).isZero();
        }
        // without a cache, every handle inflates again
        try (MatrixFile d = new ReaderHandles().open(meta, 5000, null)) {
            assertThat(fetch(d, overlapping, "NONE", QuerySpan.UPPER_TRIANGLE)).isEqualTo(expected);
            assertThat(d.storageUnitsRead()).isEqualTo(uncachedUnits);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void aNewVersionOfTheFileNeverHitsTheOldOnesEntries(String name, @TempDir Path tmp) throws Exception {
        ReaderHandles cached = new ReaderHandles(DecodedBlocks.of(64L << 20));
        Path served = tmp.resolve(name);
        Files.copy(TestData.sample(name), served);
        String[] chr1 = {"chr1", "chr1"};
        long units;
        List<Pixel> expected;
        try (MatrixFile f = cached.open(MatrixFiles.readMetadata(served), 50000, null)) {
            expected = fetch(f, chr1, "NONE", QuerySpan.UPPER_TRIANGLE);
            units = f.storageUnitsRead();
        }
        try (MatrixFile f = cached.open(MatrixFiles.readMetadata(served), 50000, null)) {
            assertThat(fetch(f, chr1, "NONE", QuerySpan.UPPER_TRIANGLE)).isEqualTo(expected);
            assertThat(f.storageUnitsRead()).as("this version's blocks are cached").isZero();
        }
        // rewritten in place (same bytes here, but nothing tells the reader so): another version, read afresh
        Files.setLastModifiedTime(served, FileTime.fromMillis(Files.getLastModifiedTime(served).toMillis() + 5000));
        try (MatrixFile f = cached.open(MatrixFiles.readMetadata(served), 50000, null)) {
            assertThat(fetch(f, chr1, "NONE", QuerySpan.UPPER_TRIANGLE)).isNotEmpty().isEqualTo(expected);
            assertThat(f.storageUnitsRead()).isPositive().isEqualTo(units);
        }
    }

    @Test
    void manyThreadsOnOverlappingWindowsAllGetTheRightAnswers() throws Exception {
        // small enough that entries are evicted while others are being read; half the handles also decode ahead
        DecodedBlocks cache = (DecodedBlocks) DecodedBlocks.of(1L << 20);
        ReaderHandles cached = new ReaderHandles(cache);
        Map<String, List<Pixel>> expected = new LinkedHashMap<>();
        List<Object[]> queries = new ArrayList<>(); // file metadata, window, normalization, key
        for (String name : List.of("sample.hic", "sample.mcool")) {
            FileMetadata meta = MatrixFiles.readMetadata(TestData.sample(name));
            String norm = name.endsWith(".hic") ? "VC" : "weight";
            try (MatrixFile plain = meta.open(10000, null)) {
                List<String[]> windows = windows(plain);
                for (String[] w : windows) {
                    for (String n : List.of("NONE", norm)) {
                        String key = name + " " + List.of(w) + " " + n;
                        expected.put(key, fetch(plain, w, n, QuerySpan.FULL));
                        queries.add(new Object[] {meta, w, n, key});
                    }
                }
            }
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 60; i++) {
                        Object[] q = queries.get(random.nextInt(queries.size()));
                        try (MatrixFile f = cached.open((FileMetadata) q[0], 10000, null)) {
                            if (random.nextBoolean()) {
                                f.decodeAhead(decoders, 2);
                            }
                            assertThat(fetch(f, (String[]) q[1], (String) q[2], QuerySpan.FULL)).as((String) q[3])
                                    .isEqualTo(expected.get((String) q[3]));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            int checked = 0;
            for (Future<Integer> f : done) {
                checked += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(checked).isEqualTo(threads * 60);
        } finally {
            pool.shutdownNow();
        }
        var stats = cache.cache().stats();
        assertThat(stats.hitCount()).isPositive();
        assertThat(stats.evictionCount()).as("the bound was reached").isPositive();
        assertThat(cached.openCount()).isZero();
    }

    @Test
    void aCallerWaitingOnAnotherCallersDecodeGetsItsErrorInsteadOfWaitingForever() throws Exception {
        DecodedBlockCache cache = DecodedBlocks.of(1 << 20);
        DecodedBlockCache.Key key = new DecodedBlockCache.Key(new DecodedBlockCache.FileKey("/x.hic", "1"), 0, 10, 20);
        java.util.concurrent.CountDownLatch decoding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch waiterStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = pool.submit(() -> cache.get(key, k -> {
                decoding.countDown();
                try {
                    waiterStarted.await();
                    Thread.sleep(100); // let the second caller reach its wait on this decode
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new OutOfMemoryError("Java heap space (simulated)");
            }));
            decoding.await();
            java.util.concurrent.Future<?> second = pool.submit(() -> {
                waiterStarted.countDown();
                return cache.get(key, k -> {
                    throw new AssertionError("the second caller should wait for the first decode, not decode");
                });
            });
            for (java.util.concurrent.Future<?> f : List.of(first, second)) {
                assertThatThrownBy(() -> f.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isInstanceOf(java.util.concurrent.ExecutionException.class)
                        .hasCauseInstanceOf(OutOfMemoryError.class);
            }
            // nothing was cached for the failure: the next caller decodes again
            DecodedBlockCache.Entry again = cache.get(key, k -> () -> 20);
            assertThat(again.bytes()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noCacheIsTheReadersOwnDefault() {
        assertThat(DecodedBlocks.of(0)).isSameAs(DecodedBlockCache.NONE);
        assertThat(DecodedBlockCache.NONE.enabled()).isFalse();
    }
}
