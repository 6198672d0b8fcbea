package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.junit.jupiter.api.Test;

/**
 * HTTPS: nginx with a self-signed certificate, trusted through {@code hicserve.remote.trust-store}, answers as the
 * local file; without that certificate the handshake fails and the store is a bad gateway, not a broken file.
 */
class RemoteHttpsTest {
    @Test
    void anHttpsStoreTrustedByItsCertificateAnswersAsTheLocalFile() {
        NginxServer nginx = NginxServer.get();
        BlockCache cache = new BlockCache(64 * 1024, 16L << 20);
        RemoteSettings s = RemoteFixture.settings("").withTrustStore(nginx.certificate());
        RemoteDataSource https = new RemoteDataSource(new HttpStore(nginx.tlsBase().resolve("/sample/"), List.of(), s,
                cache), cache);
        assertThat(https.files()).extracting(FileRef::name).containsExactly("sample.hic", "sample.mcool");
        for (String file : List.of("sample.hic", "sample.mcool")) {
            String norm = file.endsWith(".hic") ? "VC" : "weight";
            RemoteFixture.Answer got = RemoteFixture.answer(RemoteFixture.metadata(https.file(file, Access.ALL)), 50_000,
                    null, "chr3", "chr3", norm);
            RemoteFixture.Answer want = RemoteFixture.answer(MatrixFiles.readMetadata(TestData.sample(file)), 50_000, null,
                    "chr3", "chr3", norm);
            assertThat(got.size()).isPositive();
            assertThat(got.bin1()).isEqualTo(want.bin1());
            assertThat(got.bin2()).isEqualTo(want.bin2());
            assertThat(got.count()).isEqualTo(want.count());
        }

        RemoteDataSource untrusted = new RemoteDataSource(new HttpStore(nginx.tlsBase().resolve("/sample/"), List.of(),
                RemoteFixture.settings(""), cache), cache);
        assertThatThrownBy(() -> untrusted.file("sample.hic", Access.ALL))
                .satisfies(e -> assertThat(RemoteReadException.find(e).kind()).isEqualTo(RemoteReadException.Kind.BAD_GATEWAY))
                .hasMessageContaining("SSLHandshakeException");
    }
}
