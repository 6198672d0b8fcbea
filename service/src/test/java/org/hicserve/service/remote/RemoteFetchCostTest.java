package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.hicserve.reader.FileMetadata;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query reads only what it needs: on a fresh block cache (16 KiB blocks), after the metadata, a 1 Mb window fetches
 * a small part of the file and less than the whole chromosome, and asking the same window again fetches nothing.
 * Counts of bytes, measured from S3 (S3Mock), not times.
 */
class RemoteFetchCostTest {
    @ParameterizedTest
    @ValueSource(strings = {"sample/sample.mcool", "sample/sample.hic"})
    void aWindowFetchesASmallPartOfTheFile(String name) {
        BlockCache cache = new BlockCache(16 * 1024, 64L << 20);
        FileRef ref = RemoteFixture.s3Source(cache).file(name, Access.ALL);
        FileMetadata m = RemoteFixture.metadata(ref);
        long afterMetadata = cache.stats().bytesFetched();
        RemoteFixture.Answer window = RemoteFixture.answer(m, 5_000, null, "chr1:3,000,000-4,000,000",
                "chr1:3,000,000-4,000,000", "NONE");
        long windowBytes = cache.stats().bytesFetched() - afterMetadata;
        RemoteFixture.answer(m, 5_000, null, "chr1:3,000,000-4,000,000", "chr1:3,000,000-4,000,000", "NONE");
        long again = cache.stats().bytesFetched() - afterMetadata - windowBytes;
        long beforeChr1 = cache.stats().bytesFetched();
        RemoteFixture.Answer chr1 = RemoteFixture.answer(m, 5_000, null, "chr1", "chr1", "NONE");
        long chr1Bytes = cache.stats().bytesFetched() - beforeChr1 + windowBytes; // the window's blocks were cached
        System.out.printf("%s (%d bytes): metadata %d, 1 Mb window %d (%d pixels), chr1 %d (%d pixels)%n", name,
                ref.sizeBytes(), afterMetadata, windowBytes, window.size(), chr1Bytes, chr1.size());
        assertThat(window.size()).isPositive();
        assertThat(again).as("the same window again").isZero();
        assertThat(windowBytes).isLessThan(ref.sizeBytes() / 10).isLessThan(chr1Bytes);
        assertThat(afterMetadata + chr1Bytes).isLessThanOrEqualTo(ref.sizeBytes() + 16 * 1024);
    }
}
