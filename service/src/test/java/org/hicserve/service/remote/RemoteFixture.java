package org.hicserve.service.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.exec.PixelTask;

/**
 * The remote stores of the tests with the same files: S3Mock holding the bundled sample under {@code sample/} and the
 * files of ../shared/test-data under {@code shared/} (uploaded once per JVM), and nginx serving the same two folders.
 * Also reads one query's whole answer, to compare a remote file's with the local file's.
 */
final class RemoteFixture {
    private static boolean uploaded;

    private RemoteFixture() {
    }

    /** Settings for tests: small blocks (so that reads span several), short timeouts and backoff. */
    static RemoteSettings settings(String s3Endpoint) {
        return new RemoteSettings(64 * 1024, 64L << 20, Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                Duration.ofMillis(20), s3Endpoint, "us-east-1", true, List.of());
    }

    /** S3Mock with every test file in it. */
    static synchronized S3MockServer s3() {
        S3MockServer s3 = S3MockServer.get();
        if (!uploaded) {
            for (Path p : localFiles()) {
                s3.put(nameOf(p), p);
            }
            uploaded = true;
        }
        return s3;
    }

    static RemoteDataSource s3Source(BlockCache cache) {
        RemoteSettings s = settings(s3().endpoint().toString());
        return new RemoteDataSource(new S3Store(S3MockServer.BUCKET, "", s, java.util.Optional.empty(), cache), cache);
    }

    static RemoteDataSource httpSource(BlockCache cache) {
        return new RemoteDataSource(new HttpStore(NginxServer.get().base(), List.of(), settings(""), cache), cache);
    }

    /** The sample and (when present) the shared test files. */
    static List<Path> localFiles() {
        List<Path> out = new ArrayList<>();
        out.add(TestData.sample("sample.mcool"));
        out.add(TestData.sample("sample.hic"));
        if (Files.isDirectory(TestData.sharedDir())) {
            try (Stream<Path> s = Files.list(TestData.sharedDir())) {
                s.filter(p -> p.toString().matches(".*\\.(m?cool|hic)$")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A local test file's name in the stores: {@code sample/...} or {@code shared/...}. */
    static String nameOf(Path local) {
        return (local.getParent().equals(TestData.sample("sample.mcool").getParent()) ? "sample/" : "shared/")
                + local.getFileName();
    }

    static FileMetadata metadata(FileRef ref) {
        return MatrixFiles.readMetadata(ref.fileName(), null, ref.opener());
    }

    /** Every pixel of one query, in the order served. */
    record Answer(long[] bin1, long[] bin2, double[] count) {
        int size() {
            return bin1.length;
        }
    }

    static Answer answer(FileMetadata metadata, int resolution, MatrixUnit unit, String range1, String range2,
            String normalization) {
        try (MatrixFile f = metadata.open(resolution, unit);
                PixelSelector s = new PixelTask(range1, range2, QuerySpan.UPPER_TRIANGLE, 0)
                        .select(f, f.normalization(normalization).name(), 65_536)) {
            List<PixelBatch> batches = new ArrayList<>();
            int n = 0;
            while (s.hasNext()) {
                PixelBatch b = s.next();
                batches.add(b);
                n += b.size();
            }
            long[] b1 = new long[n];
            long[] b2 = new long[n];
            double[] c = new double[n];
            int at = 0;
            for (PixelBatch b : batches) {
                for (int i = 0; i < b.size(); i++, at++) {
                    b1[at] = b.bin1()[i];
                    b2[at] = b.bin2()[i];
                    c[at] = b.count(i);
                }
            }
            return new Answer(b1, b2, c);
        }
    }
}
