package org.hicserve.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamMemoryTest {
    private static final long MB = 1 << 20;
    // the defaults: 32768-row batches, 4 queued, one decoder per core (2 here), a 64 MB decoded-block cache
    private final StreamMemory defaults = StreamMemory.of(32768, 4, 2, 64 * MB);

    @Test
    void aStreamIsItsBatchesAndDecodedUnits() {
        assertThat(defaults.perStream()).isEqualTo(5L * 32768 * 24 + 4 * 2 * MB);
        assertThat(defaults.fixed()).isEqualTo(128 * MB);
    }

    @Test
    void aSmallHeapAdmitsFewerStreamsThanConfigured() {
        // 16 streams of a .hic ran a 256 MB heap out; 8 fit
        int streams = defaults.streamsWithin(256 * MB, 16);
        assertThat(streams).isBetween(8, 15);
        assertThat(128 * MB + streams * defaults.perStream()).isLessThanOrEqualTo(256 * MB - 256 * MB / 10);
    }

    @Test
    void aLargeHeapAdmitsWhatIsConfigured() {
        assertThat(defaults.streamsWithin(6L << 30, 16)).isEqualTo(16);
        assertThat(defaults.streamsWithin(6L << 30, 200)).isEqualTo(200);
    }

    @Test
    void alwaysAtLeastOne() {
        assertThat(defaults.streamsWithin(64 * MB, 16)).isEqualTo(1);
    }

    @Test
    void biggerBatchesAndMoreDecodersCostMore() {
        StreamMemory big = StreamMemory.of(262144, 4, 8, 64 * MB);
        assertThat(big.perStream()).isGreaterThan(defaults.perStream());
        assertThat(big.streamsWithin(512 * MB, 16)).isLessThan(defaults.streamsWithin(512 * MB, 16));
    }
}
