package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/v1/raw/{file}}: whole files, HEAD, and every form of Range (a-b, suffix, open, past the end, several),
 * byte for byte against the file; the data-directory rules; and hic-straw opening the sample .hic by URL through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RawFileHttpTest {
    private static byte[] hic;
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    @BeforeAll
    static void read() throws Exception {
        hic = Files.readAllBytes(TestData.sample("sample.hic"));
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void wholeFileAndHead() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/sample.hic");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(hic);
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        HttpResponse<byte[]> head = send("HEAD", "/api/v1/raw/sample.hic");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(hic.length);
    }

    @Test
    void rangesAnswer206WithContentRange() throws Exception {
        int n = hic.length;
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=100-199");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + n);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(hic, 100, 200));

        r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=-500"); // the last 500 bytes
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes " + (n - 500) + "-" + (n - 1) + "/" + n);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(hic, n - 500, n));

        r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=" + (n - 10) + "-"); // open-ended
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(hic, n - 10, n));

        r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=" + (n - 10) + "-" + (n + 1000)); // end clipped
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes " + (n - 10) + "-" + (n - 1) + "/" + n);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(hic, n - 10, n));
    }

    @Test
    void aRangePastTheEndIs416() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=" + hic.length + "-");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + hic.length);
    }

    @Test
    void severalRangesAreMultipartByteranges() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=0-3,10-13");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/byteranges");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("Content-Range: bytes 0-3/" + hic.length, "Content-Range: bytes 10-13/" + hic.length)
                .contains(new String(hic, 0, 4, StandardCharsets.ISO_8859_1))
                .contains(new String(hic, 10, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void namesFollowTheDataDirectoryRules() throws Exception {
        assertThat(send("GET", "/api/v1/raw/nope.hic").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/raw/README.md").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/../pom.xml");
        assertThat(r.statusCode()).isIn(400, 404);
        r = send("GET", "/api/v1/raw/%2E%2E/pom.xml");
        assertThat(r.statusCode()).isIn(400, 404);
        assertThat(new String(send("GET", "/api/v1/raw/nope.hic").body(), StandardCharsets.UTF_8))
                .contains("\"error\":\"unknown_file\"");
    }

    @Test
    void corsLetsAnotherOriginReadRanges() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/v1/raw/sample.hic", "Range", "bytes=0-3", "Origin", "https://aidenlab.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Content-Range");
        HttpResponse<byte[]> pre = send("OPTIONS", "/api/v1/raw/sample.hic", "Origin", "https://aidenlab.org",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "range");
        assertThat(pre.statusCode()).isBetween(200, 204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase()).contains("range");
    }

    @Test
    void hicStrawReadsTheSampleByUrl() throws Exception {
        Path node = TestNode.require("hic-straw");
        String[] want = TestData.csv(TestData.sample("REFERENCE.csv")).stream()
                .filter(row -> row[0].equals("sample.hic") && row[1].equals("5000") && row[2].equals("chr1")
                        && row[3].equals("chr1") && row[4].equals("NONE"))
                .findFirst().orElseThrow();
        Process p = new ProcessBuilder("node", "straw-raw.mjs", "http://127.0.0.1:" + port + "/api/v1/raw/sample.hic",
                "NONE", "5000", "chr1", "12000000").directory(node.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        String[] got = out.split("\t");
        assertThat(got[0]).as("pixels").isEqualTo(want[5]);
        assertThat(Double.parseDouble(got[1])).as("sum").isEqualTo(Double.parseDouble(want[6]));
        assertThat(Integer.parseInt(got[2])).as("range requests").isGreaterThan(1);
    }
}
