package org.hicserve.reader.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a decoded unit is cached under: two files with the same name in two folders (same bytes, same size) never
 * share a key, and every key carries the unit's stored size, so that a corrupt index pointing two units of different
 * sizes at one position cannot be answered with the other unit's entry.
 */
class BlockCacheKeyTest {
    /** Decodes everything (no sharing) and records the keys asked for. */
    private static final class Recording implements DecodedBlockCache {
        final List<DecodedBlockCache.Key> keys = new ArrayList<>();

        @Override
        public synchronized <T extends Entry> T get(Key key, Function<? super Key, ? extends T> decode) {
            keys.add(key);
            return decode.apply(key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void keysNameTheFileByLocationAndTheUnitBySize(String name, @TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("lab"));
        Path b = Files.createDirectories(dir.resolve("pub"));
        List<DecodedBlockCache.Key> first = keys(TestData.copyTo(TestData.sample(name), a));
        List<DecodedBlockCache.Key> second = keys(TestData.copyTo(TestData.sample(name), b));
        assertThat(first).isNotEmpty().hasSameSizeAs(second);
        assertThat(first).allSatisfy(k -> {
            assertThat(k.storedBytes()).isPositive();
            assertThat(k.file().location()).startsWith(a.toAbsolutePath().toString());
        });
        assertThat(second).allSatisfy(k -> assertThat(k.file().location()).startsWith(b.toAbsolutePath().toString()));
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    private static List<DecodedBlockCache.Key> keys(Path file) {
        Recording cache = new Recording();
        try (MatrixFile f = MatrixFiles.open(file, 50_000)) {
            f.useBlockCache(cache);
            try (PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(0))))) {
                while (s.hasNext()) {
                    s.next();
                }
            }
        }
        return cache.keys;
    }
}
