package org.hicserve.service.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.cli.DumpCommand;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.plan.PixelRequest;
import org.hicserve.service.remote.FaultProxy.Fault;
import org.hicserve.service.web.HttpFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with {@code hicserve.data-dir=s3://bkt/sample/} on S3Mock, behind the fault proxy, with credentials
 * from the default chain (system properties here): the endpoints answer as on the local files, a failing store gets
 * 502/503/504 in the API's JSON error shape, and the credentials appear in no log line, error or metric. The block
 * cache is small (16 blocks of 16 KiB), so the queries after the first go to the store; 503 and slowness also hit the
 * HEAD each request starts with.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteServiceHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "AKIAHICSERVETESTKEY7";
    private static final String SECRET = "hicserve-test-secret-Zq9xW4vUe1";
    private static FaultProxy proxy;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        proxy = new FaultProxy(RemoteFixture.s3().endpoint());
        System.setProperty("aws.accessKeyId", KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET);
        registry.add("hicserve.data-dir", () -> "s3://" + S3MockServer.BUCKET + "/sample/");
        registry.add("hicserve.s3.endpoint", () -> proxy.base().toString());
        registry.add("hicserve.s3.path-style", () -> "true");
        registry.add("hicserve.remote.block-size", () -> "16KB");
        registry.add("hicserve.remote.cache-size", () -> "256KB");
        registry.add("hicserve.remote.read-timeout", () -> "1s");
        registry.add("hicserve.remote.retries", () -> "1");
        registry.add("hicserve.remote.retry-backoff", () -> "10ms");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        proxy.close();
    }

    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
        proxy.heal();
    }

    @Test
    void filesDescribeAndPixelsAnswerAsTheLocalFiles() throws Exception {
        JsonNode files = JSON.readTree(http.text("/api/v1/files"));
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.get("name").asText() + " " + f.get("size_bytes").asLong()));
        assertThat(names).containsExactly("sample.hic " + TestData.sample("sample.hic").toFile().length(),
                "sample.mcool " + TestData.sample("sample.mcool").toFile().length());
        JsonNode d = JSON.readTree(http.text("/api/v1/describe?file=sample.hic"));
        assertThat(d.get("resolutions").size()).isGreaterThan(1);

        for (String file : List.of("sample.mcool", "sample.hic")) {
            String norm = file.endsWith(".hic") ? "SCALE" : "weight";
            HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", file, "resolution", 50_000, "range1",
                    "chr2", "range2", "chrX", "normalization", norm, "format", "tsv", "join", "true"));
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(localTsv(file, "chr2", "chrX", norm));
        }
    }

    private static String localTsv(String file, String range1, String range2, String norm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MatrixFile f = MatrixFiles.open(TestData.sample(file), 50_000)) {
            DumpCommand.dump(f, new PixelRequest(range1, range2, norm, true, QuerySpan.UPPER_TRIANGLE, 0,
                    OutputFormat.TSV), out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rawBytesAndTilesAnswerAsTheLocalFiles() throws Exception {
        byte[] local = java.nio.file.Files.readAllBytes(TestData.sample("sample.hic"));
        HttpResponse<byte[]> whole = http.get("/api/v1/raw/sample.hic", Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(local);
        for (String range : List.of("bytes=0-15", "bytes=100000-165535", "bytes=-4096", "bytes=" + (local.length - 10) + "-")) {
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/raw/sample.hic")).header("Range", range)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(range).isEqualTo(206);
            String[] span = r.headers().firstValue("Content-Range").orElseThrow().replace("bytes ", "").split("[-/]");
            int from = Integer.parseInt(span[0]);
            int to = Integer.parseInt(span[1]);
            assertThat(span[2]).isEqualTo(Integer.toString(local.length));
            assertThat(r.body()).as(range).isEqualTo(java.util.Arrays.copyOfRange(local, from, to + 1));
        }

        // the same tiles from the bucket and from a TileService on the local folder, value for value
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            org.hicserve.service.tiles.TileService onDisk = new org.hicserve.service.tiles.TileService(
                    new org.hicserve.service.files.DataDirectory(TestData.sample("sample.mcool").getParent()),
                    new org.hicserve.service.files.MetadataCache(4), new org.hicserve.service.files.ReaderHandles(), pool);
            for (String file : List.of("sample.mcool", "sample.hic")) {
                String uid = org.hicserve.service.tiles.TilesetUid.of(file);
                List<String> ids = List.of(uid + ".0.0.0", uid + ".2.1.1", uid + ".3.2.3");
                Map<String, Object> expected = new java.util.LinkedHashMap<>();
                onDisk.tiles(ids.stream().map(org.hicserve.service.tiles.TileId::parse).toList(),
                        org.hicserve.service.auth.Access.ALL, expected::put);
                String query = String.join("&", ids.stream().map(i -> "d=" + i).toList());
                JsonNode answer = JSON.readTree(http.text("/higlass/api/v1/tiles/?" + query));
                assertThat(answer.size()).as(file).isEqualTo(expected.size()).isPositive();
                assertThat(answer.findValues("dense")).as(file + ": every tile has values").hasSize(answer.size());
                assertThat(answer).as(file).isEqualTo(JSON.valueToTree(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingStoreGetsGatewayStatusesAndCredentialsAppearNowhere(CapturedOutput output) throws Exception {
        Map<String, Object> query = params("file", "sample.mcool", "resolution", 10_000, "range1", "chr1:0-3,000,000",
                "normalization", "weight");
        assertThat(http.get("/api/v1/pixels", query).statusCode()).isEqualTo(200);
        List<String> bodies = new ArrayList<>();

        proxy.inject(Fault.STATUS_503, Integer.MAX_VALUE);
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", query);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        bodies.add(error(r, "store_unavailable"));

        proxy.slowBy(Duration.ofSeconds(3));
        proxy.inject(Fault.SLOW, Integer.MAX_VALUE);
        r = http.get("/api/v1/pixels", query);
        assertThat(r.statusCode()).isEqualTo(504);
        bodies.add(error(r, "store_timeout"));

        proxy.inject(Fault.IGNORE_RANGE, Integer.MAX_VALUE);
        r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 5_000, "range1", "chr3",
                "normalization", "NONE"));
        assertThat(r.statusCode()).isEqualTo(502);
        bodies.add(error(r, "store_error"));
        assertThat(bodies.get(2)).contains("ignored Range");

        proxy.inject(Fault.DROP_MID_BODY, Integer.MAX_VALUE);
        r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 5_000, "range1", "chr2",
                "normalization", "NONE"));
        assertThat(r.statusCode()).isEqualTo(502);
        bodies.add(error(r, "store_error"));
        proxy.heal();

        String metrics = http.text("/actuator/prometheus");
        assertThat(metrics).contains("hicserve_remote_bytes_fetched_bytes_total", "hicserve_remote_failures_total",
                "cache=\"remote-blocks\"");
        for (String text : List.of(output.getAll(), metrics, String.join("\n", bodies))) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(KEY_ID);
        }
        assertThat(output.getAll()).contains("remote store failure"); // the failures were logged, without them
    }

    private static String error(HttpResponse<byte[]> r, String code) throws Exception {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        JsonNode e = JSON.readTree(body);
        assertThat(e.get("error").asText()).as(body).isEqualTo(code);
        assertThat(e.get("message").asText()).contains("sample.mcool");
        return body;
    }
}
