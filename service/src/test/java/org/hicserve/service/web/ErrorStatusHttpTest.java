package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every error status of API.md, with the JSON body and a message that says what exists; path traversal;
 * and a corrupt file answered 422 while the rest keeps being served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hicserve.json-max-rows=1000")
class ErrorStatusHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestData.copySamples(dataDir, "sample.mcool", "sample.hic");
        try {
            byte[] hic = Files.readAllBytes(TestData.sample("sample.hic"));
            Files.write(dataDir.resolve("truncated.hic"), java.util.Arrays.copyOf(hic, hic.length / 3));
            byte[] cool = Files.readAllBytes(TestData.sample("sample.mcool"));
            Files.write(dataDir.resolve("truncated.mcool"), java.util.Arrays.copyOf(cool, cool.length / 2));
            Files.writeString(dataDir.resolve("notes.hic"), "this is not a hic file");
            Path outside = Files.createTempDirectory("hicserve-outside");
            Files.copy(TestData.sample("sample.mcool"), outside.resolve("secret.mcool"));
            Files.createSymbolicLink(dataDir.resolve("link-out.mcool"), outside.resolve("secret.mcool"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("hicserve.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    private JsonNode error(HttpResponse<byte[]> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    private HttpResponse<byte[]> pixels(Object... kv) {
        return http.get("/api/v1/pixels", params(kv));
    }

    @Test
    void missingRange() throws IOException {
        JsonNode e = error(pixels("file", "sample.mcool", "resolution", 5000), 400, "missing_parameter");
        assertThat(e.get("message").asText()).contains("range1");
    }

    @Test
    void malformedRegionAndParameters() throws IOException {
        error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1:5-2"), 400, "invalid_query");
        error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1:abc-200"), 400, "invalid_query");
        error(pixels("file", "sample.mcool", "resolution", "ten", "range1", "chr1"), 400, "invalid_parameter");
        assertThat(error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1", "format", "xml"), 400,
                "invalid_parameter").get("message").asText()).isEqualTo("format must be one of arrow, tsv, json, npy, png; not 'xml'");
        error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1", "query_span", "half"), 400, "invalid_query");
        error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1", "join", "maybe"), 400, "invalid_parameter");
    }

    @Test
    void rangePastTheChromosomeEndSaysItsLength() throws IOException {
        JsonNode e = error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr3:0-7,000,000"), 400, "invalid_query");
        assertThat(e.get("message").asText()).contains("6200003");
    }

    @Test
    void unknownNamesListWhatExists() throws IOException {
        assertThat(error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr9"), 404, "unknown_chromosome")
                .get("message").asText()).contains("chr1", "chr2", "chr3", "chrX");
        assertThat(error(pixels("file", "sample.mcool", "resolution", 7, "range1", "chr1"), 404, "unknown_resolution")
                .get("message").asText()).contains("5000", "500000");
        assertThat(error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1", "normalization", "KR"), 404,
                "unknown_normalization").get("message").asText()).contains("weight");
        assertThat(error(pixels("file", "sample.hic", "resolution", 5000, "range1", "chr1", "normalization", "KR"), 404,
                "unknown_normalization").get("message").asText()).contains("VC", "SCALE");
        assertThat(error(pixels("file", "nope.mcool", "resolution", 5000, "range1", "chr1"), 404, "unknown_file")
                .get("message").asText()).contains("sample.mcool", "sample.hic");
        error(http.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 5000, "chromosomes", "chr1,chrQ")),
                404, "unknown_chromosome");
        error(http.get("/api/v1/describe", params("file", "missing.hic")), 404, "unknown_file");
    }

    @Test
    void pathsOutsideTheDataDirectoryAreNeverOpened() throws IOException {
        error(pixels("file", "../sample.mcool", "resolution", 5000, "range1", "chr1"), 400, "invalid_file");
        error(pixels("file", "a/../../etc/passwd.hic", "resolution", 5000, "range1", "chr1"), 400, "invalid_file");
        error(pixels("file", dataDir.resolve("sample.mcool").toString(), "resolution", 5000, "range1", "chr1"), 400, "invalid_file");
        error(pixels("file", "link-out.mcool", "resolution", 5000, "range1", "chr1"), 404, "unknown_file");
        JsonNode files = JSON.readTree(http.get("/api/v1/files", Map.of()).body());
        assertThat(files.toString()).doesNotContain("link-out", "secret");
    }

    @Test
    void jsonPastTheRowLimitIs413() throws IOException {
        JsonNode e = error(pixels("file", "sample.mcool", "resolution", 5000, "range1", "chr1", "format", "json"), 413, "too_large");
        assertThat(e.get("message").asText()).contains("1000");
        error(http.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 5000, "format", "json")), 413, "too_large");
        // a small answer still fits
        assertThat(pixels("file", "sample.mcool", "resolution", 500000, "range1", "chr3", "format", "json").statusCode()).isEqualTo(200);
    }

    @Test
    void corruptFilesAre422AndTheServiceKeepsServing() throws IOException {
        assertThat(error(pixels("file", "truncated.hic", "resolution", 5000, "range1", "chr1"), 422, "unreadable_file")
                .get("message").asText()).contains("truncated.hic");
        error(pixels("file", "truncated.mcool", "resolution", 5000, "range1", "chr1"), 422, "unreadable_file");
        error(pixels("file", "notes.hic", "resolution", 5000, "range1", "chr1"), 422, "unreadable_file");
        error(http.get("/api/v1/describe", params("file", "truncated.mcool")), 422, "unreadable_file");
        HttpResponse<byte[]> ok = pixels("file", "sample.hic", "resolution", 500000, "range1", "chr1");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.readArrow(ok.body()).pixels()).isNotEmpty();
    }

    @Test
    void validateReportsProblemsInWords() throws IOException {
        HttpResponse<byte[]> good = http.get("/api/v1/validate", params("file", "sample.hic"));
        assertThat(good.statusCode()).isEqualTo(200);
        JsonNode ok = JSON.readTree(good.body());
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("format").asText()).isEqualTo("hic");

        JsonNode bad = JSON.readTree(http.get("/api/v1/validate", params("file", "truncated.hic")).body());
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.get("problems")).isNotEmpty();
        JsonNode first = bad.get("problems").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("message").asText()).isNotBlank();

        JsonNode badCool = JSON.readTree(http.get("/api/v1/validate", params("file", "truncated.mcool")).body());
        assertThat(badCool.get("ok").asBoolean()).isFalse();
        error(http.get("/api/v1/validate", params("file", "nothing.cool")), 404, "unknown_file");
    }

    @Test
    void errorsAreJsonEvenWhenArrowWasAsked() throws IOException {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels" + HttpFixture.query(params("file", "sample.mcool",
                "resolution", 5000, "range1", "chr9")), "application/vnd.apache.arrow.stream");
        error(r, 404, "unknown_chromosome");
    }

    @Test
    void processesExecutorIsRefusedClearlyUntilItExists() throws IOException {
        error(http.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 500000, "executor", "processes")), 400,
                "unsupported_executor");
    }
}
