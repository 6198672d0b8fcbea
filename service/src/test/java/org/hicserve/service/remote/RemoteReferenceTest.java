package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.testing.ReferenceTable;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference row of ../shared/test-data/REFERENCE.md and test-data/REFERENCE.csv read from S3 (S3Mock) and from
 * HTTP (nginx) gives the local file's answer, pixel for pixel and in the same order, with the reference's pixel count.
 * One block cache per store is shared by all rows, as in the service.
 */
class RemoteReferenceTest {
    record Row(String file, int resolution, MatrixUnit unit, String range1, String range2, String normalization,
            long pixels) {
        @Override
        public String toString() {
            return file + "@" + resolution + " " + range1 + " x " + range2 + " " + normalization;
        }
    }

    private static final BlockCache S3_CACHE = new BlockCache(64 * 1024, 64L << 20);
    private static final BlockCache HTTP_CACHE = new BlockCache(64 * 1024, 64L << 20);
    private static final Map<String, FileMetadata> METADATA = new ConcurrentHashMap<>();
    private static RemoteDataSource s3;
    private static RemoteDataSource http;

    @BeforeAll
    static void stores() {
        s3 = RemoteFixture.s3Source(S3_CACHE);
        http = RemoteFixture.httpSource(HTTP_CACHE);
    }

    static Stream<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String[] r : TestData.csv(TestData.sample("REFERENCE.csv"))) {
            out.add(new Row("sample/" + r[0], Integer.parseInt(r[1]), null, r[2], r[3], r[4], Long.parseLong(r[5])));
        }
        Path md = TestData.sharedDir().resolve("REFERENCE.md");
        if (!Files.exists(md)) {
            TestData.shared("REFERENCE.md"); // skips, or fails under CI
        }
        for (List<String> r : ReferenceTable.rows(md, "## Cooler files")) {
            String[] uri = r.get(0).split("::");
            int res = uri.length > 1 ? Integer.parseInt(uri[1].substring(uri[1].lastIndexOf('/') + 1)) : 0;
            String[] q = r.get(1).split(" , ");
            String norm = r.get(2).startsWith("NONE") ? "NONE" : r.get(2).split("'")[1];
            out.add(new Row("shared/" + uri[0], res, null, q[0], q.length > 1 ? q[1] : null, norm, Long.parseLong(r.get(3))));
        }
        for (List<String> r : ReferenceTable.rows(md, "## Juicer .hic files")) {
            String[] q = r.get(3).split(" x ");
            out.add(new Row("shared/" + r.get(0), Integer.parseInt(r.get(2)), MatrixUnit.parse(r.get(1)), q[0],
                    q.length > 1 ? q[1] : null, r.get(5), Long.parseLong(r.get(6))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void s3AndHttpAnswerAsTheLocalFile(Row row) {
        Path local = row.file().startsWith("sample/") ? TestData.sample(row.file().substring(7))
                : TestData.shared(row.file().substring(7));
        RemoteFixture.Answer expected = answer("local:" + row.file(), () -> MatrixFiles.readMetadata(local), row);
        assertThat(expected.size()).as("local pixels").isEqualTo(row.pixels());
        for (RemoteDataSource source : List.of(s3, http)) {
            FileRef ref = source.file(row.file(), Access.ALL);
            assertThat(ref.sizeBytes()).isEqualTo(local.toFile().length());
            RemoteFixture.Answer got = answer(ref.location() + ref.version(), () -> RemoteFixture.metadata(ref), row);
            String what = source.describe() + " " + row;
            assertThat(got.bin1()).as(what + " bin1").isEqualTo(expected.bin1());
            assertThat(got.bin2()).as(what + " bin2").isEqualTo(expected.bin2());
            assertThat(got.count()).as(what + " counts").isEqualTo(expected.count());
        }
    }

    private static RemoteFixture.Answer answer(String key, java.util.function.Supplier<FileMetadata> open, Row row) {
        FileMetadata m = METADATA.computeIfAbsent(key, k -> open.get());
        return RemoteFixture.answer(m, row.resolution(), row.unit(), row.range1(), row.range2() == null ? row.range1()
                : row.range2(), row.normalization());
    }
}
