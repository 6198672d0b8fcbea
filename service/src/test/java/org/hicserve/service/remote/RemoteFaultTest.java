package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.reader.io.source.RemoteReadException.Kind;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.remote.FaultProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store that is slow, answers 5xx, drops the connection mid-body, ignores {@code Range} or changes the object under
 * a reader, behind the tests' fault proxy in front of nginx (and of S3Mock for the S3 path): each is either retried
 * into the right answer (transient faults) or ends in a {@link RemoteReadException} of the kind that gives the right
 * gateway status, never in other pixels. Every test starts with an empty block cache, so every read goes to the store.
 */
class RemoteFaultTest {
    private static final String FILE = "sample.mcool";
    private static final String HIC = "sample.hic";
    private static FaultProxy nginxProxy;
    private static FaultProxy s3Proxy;
    private static RemoteFixture.Answer expected;
    private static RemoteFixture.Answer expectedHic;

    /** Read timeout 1 s, 2 retries 10 ms apart. */
    private static RemoteSettings settings() {
        return new RemoteSettings(16 * 1024, 64L << 20, Duration.ofSeconds(2), Duration.ofSeconds(1), 2,
                Duration.ofMillis(10), s3Proxy == null ? "" : s3Proxy.base().toString().replaceAll("/$", ""), "us-east-1",
                true, List.of());
    }

    @BeforeAll
    static void start() {
        nginxProxy = new FaultProxy(NginxServer.get().base().resolve("/sample/"));
        s3Proxy = new FaultProxy(RemoteFixture.s3().endpoint());
        expected = query(MatrixFiles.readMetadata(TestData.sample(FILE)));
        expectedHic = hicQuery(MatrixFiles.readMetadata(TestData.sample(HIC)));
    }

    @AfterAll
    static void stop() {
        nginxProxy.close();
        s3Proxy.close();
    }

    private static RemoteFixture.Answer query(FileMetadata m) {
        return RemoteFixture.answer(m, 10_000, null, "chr1:2,000,000-7,000,000", "chr1:2,000,000-7,000,000", "weight");
    }

    private static RemoteFixture.Answer hicQuery(FileMetadata m) {
        return RemoteFixture.answer(m, 10_000, null, "chr2", "chr2", "SCALE");
    }

    private static RemoteDataSource http() {
        BlockCache cache = new BlockCache(16 * 1024, 64L << 20);
        return new RemoteDataSource(new HttpStore(nginxProxy.base(), List.of(), settings(), cache), cache);
    }

    private static RemoteDataSource s3() {
        BlockCache cache = new BlockCache(16 * 1024, 64L << 20);
        return new RemoteDataSource(new S3Store(S3MockServer.BUCKET, "sample/", settings(), java.util.Optional.empty(),
                cache), cache);
    }

    /** Looks the file up with the store healthy, then injects the fault and reads it. */
    private static Throwable failure(RemoteDataSource source, FaultProxy proxy, Fault fault, String file) {
        proxy.heal();
        FileRef ref = source.file(file, Access.ALL);
        proxy.inject(fault, Integer.MAX_VALUE);
        try {
            RemoteFixture.metadata(ref);
            throw new AssertionError("no failure with " + fault);
        } catch (RuntimeException e) {
            return e;
        } finally {
            proxy.heal();
        }
    }

    private static RemoteReadException remote(Throwable t) {
        RemoteReadException r = RemoteReadException.find(t);
        assertThat(r).as("a RemoteReadException behind " + t).isNotNull();
        return r;
    }

    @Test
    void aSlowStoreIsATimeout() {
        nginxProxy.slowBy(Duration.ofSeconds(3));
        RemoteReadException e = remote(failure(http(), nginxProxy, Fault.SLOW, FILE));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("within 1000 ms").contains("after 3 tries");
    }

    @Test
    void aStoreAnswering503IsUnavailableAfterItsRetries() {
        int before = nginxProxy.requests();
        RemoteReadException e = remote(failure(http(), nginxProxy, Fault.STATUS_503, FILE));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(nginxProxy.requests() - before).isEqualTo(1 + 3); // the healthy HEAD, then 3 tries of one GET
    }

    @Test
    void aStoreAnswering500IsABadGateway() {
        assertThat(remote(failure(http(), nginxProxy, Fault.STATUS_500, FILE)).kind()).isEqualTo(Kind.BAD_GATEWAY);
    }

    @Test
    void transient5xxAndDroppedConnectionsAreRetriedIntoTheRightAnswer() {
        for (Fault f : List.of(Fault.STATUS_503, Fault.STATUS_500, Fault.DROP_MID_BODY)) {
            RemoteDataSource source = http();
            FileRef ref = source.file(FILE, Access.ALL);
            nginxProxy.inject(f, 2); // the next two requests fail; the third try succeeds
            RemoteFixture.Answer got = query(RemoteFixture.metadata(ref));
            nginxProxy.heal();
            assertThat(got.bin1()).as(f.name()).isEqualTo(expected.bin1());
            assertThat(got.bin2()).as(f.name()).isEqualTo(expected.bin2());
            assertThat(got.count()).as(f.name()).isEqualTo(expected.count());
        }
    }

    @Test
    void aConnectionDroppedMidBodyEveryTimeIsABadGateway() {
        RemoteReadException e = remote(failure(http(), nginxProxy, Fault.DROP_MID_BODY, FILE));
        assertThat(e.kind()).isEqualTo(Kind.BAD_GATEWAY);
        assertThat(e.getMessage()).containsAnyOf("connection lost", "connection closed");
    }

    @Test
    void aStoreIgnoringRangeIsRefusedAtOnceNotRetriedAndNeverRead() {
        for (var source : List.of(http(), s3())) {
            FaultProxy proxy = source.describe().startsWith("s3:") ? s3Proxy : nginxProxy;
            int before = proxy.requests();
            RemoteReadException e = remote(failure(source, proxy, Fault.IGNORE_RANGE, FILE));
            assertThat(e.kind()).isEqualTo(Kind.BAD_GATEWAY);
            assertThat(e.getMessage()).contains("ignored Range");
            assertThat(proxy.requests() - before).as("HEAD + one GET, no retry").isEqualTo(2);
        }
    }

    @Test
    void anObjectThatChangedWhileBeingReadIsRefused() {
        RemoteReadException e = remote(failure(s3(), s3Proxy, Fault.OTHER_ETAG, HIC));
        assertThat(e.kind()).isEqualTo(Kind.BAD_GATEWAY);
        assertThat(e.getMessage()).contains("changed while being read");
    }

    @Test
    void theS3PathRetriesAndTimesOutAlike() {
        RemoteDataSource source = s3();
        FileRef ref = source.file(HIC, Access.ALL);
        s3Proxy.inject(Fault.STATUS_503, 2);
        RemoteFixture.Answer got = hicQuery(RemoteFixture.metadata(ref));
        s3Proxy.heal();
        assertThat(got.count()).isEqualTo(expectedHic.count());
        assertThat(got.bin1()).isEqualTo(expectedHic.bin1());

        s3Proxy.slowBy(Duration.ofSeconds(3));
        assertThat(remote(failure(s3(), s3Proxy, Fault.SLOW, HIC)).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void aMissingObjectIsNotFoundAndAnEscapingNameIsRefused() {
        RemoteDataSource source = http();
        assertThatThrownBy(() -> source.file("nope.mcool", Access.ALL)).hasMessageContaining("no file 'nope.mcool'");
        assertThatThrownBy(() -> source.file("../shared/x.hic", Access.ALL)).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> source.file("/etc/passwd.hic", Access.ALL)).hasMessageContaining("without '..'");
        assertThat(source.files()).extracting(FileRef::name).containsExactly("sample.hic", "sample.mcool");
    }
}
