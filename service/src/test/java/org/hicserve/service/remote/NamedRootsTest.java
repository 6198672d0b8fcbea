package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.DataDirectory;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.files.NamedRoots;
import org.junit.jupiter.api.Test;

/** A local folder and an HTTP store served at once under their names: listing, lookup, access, same answers. */
class NamedRootsTest {
    @Test
    void twoRootsServeTheirFilesUnderTheirNames() {
        BlockCache cache = new BlockCache(64 * 1024, 16L << 20);
        NamedRoots roots = new NamedRoots(Map.of(
                "local", new DataDirectory(TestData.sample("sample.mcool").getParent()),
                "web", new RemoteDataSource(new HttpStore(NginxServer.get().base().resolve("/sample/"), List.of(),
                        RemoteFixture.settings(""), cache), cache)));
        assertThat(roots.files()).extracting(FileRef::name)
                .containsExactly("local/sample.hic", "local/sample.mcool", "web/sample.hic", "web/sample.mcool");

        FileRef web = roots.file("web/sample.hic", Access.ALL);
        assertThat(web.localPath()).isNull();
        FileRef local = roots.file("local/sample.hic", Access.ALL);
        assertThat(local.localPath()).isNotNull();
        RemoteFixture.Answer a = RemoteFixture.answer(RemoteFixture.metadata(web), 100_000, null, "chr1", "chr2", "VC");
        RemoteFixture.Answer b = RemoteFixture.answer(MatrixFiles.readMetadata(local.localPath()), 100_000, null, "chr1",
                "chr2", "VC");
        assertThat(a.size()).isPositive();
        assertThat(a.count()).isEqualTo(b.count());
        assertThat(a.bin2()).isEqualTo(b.bin2());

        assertThatThrownBy(() -> roots.file("nope/sample.hic", Access.ALL)).hasMessageContaining("[local, web]");
        assertThatThrownBy(() -> roots.file("web/../local/sample.hic", Access.ALL)).hasMessageContaining("without '..'");
        Access onlyLocal = new Access(false, List.of("local"));
        assertThat(roots.files(onlyLocal)).extracting(FileRef::name).containsExactly("local/sample.hic", "local/sample.mcool");
        assertThatThrownBy(() -> roots.file("web/sample.hic", onlyLocal)).hasMessageContaining("does not give access");
    }
}
