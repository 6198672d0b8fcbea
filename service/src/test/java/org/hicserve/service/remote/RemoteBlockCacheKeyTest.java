package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.junit.jupiter.api.Test;

/**
 * Two objects with the same name under two prefixes of a bucket are two files to the shared caches: their sources'
 * locations (what the decoded-block cache keys a file by, with its version) are their full addresses, never the bare
 * name they share. Same bytes, same ETag here: only the location tells them apart.
 */
class RemoteBlockCacheKeyTest {
    @Test
    void sameNamedObjectsUnderTwoPrefixesHaveTwoLocations() throws Exception {
        S3MockServer s3 = RemoteFixture.s3();
        s3.put("copy/sample.hic", TestData.sample("sample.hic"));
        BlockCache cache = new BlockCache(64 * 1024, 8L << 20);
        RemoteDataSource source = RemoteFixture.s3Source(cache);
        FileRef a = source.file("sample/sample.hic", Access.ALL);
        FileRef b = source.file("copy/sample.hic", Access.ALL);
        try (ByteSource sa = a.opener().open(); ByteSource sb = b.opener().open()) {
            assertThat(sa.name()).isEqualTo(sb.name()).isEqualTo("sample.hic");
            assertThat(sa.version()).isEqualTo(sb.version());
            assertThat(sa.location()).isNotEqualTo(sb.location());
            assertThat(sa.location()).contains("/sample/sample.hic").doesNotContain("@");
            assertThat(sb.location()).contains("/copy/sample.hic");
        }
    }
}
