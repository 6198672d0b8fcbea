package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Answers that would look right but not be what was asked are refused with a 400 that says why: a band of 0, a
 * repeated parameter, a malformed escape, an unknown parameter, a resolution that is not a positive number. And
 * one normalization rule for {@code pixels} and {@code cis}, with the resolved name in the Arrow metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictParametersHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("hicserve.data-dir", TestData.copySamples(dataDir, "sample.mcool", "sample.hic")::toString);
    }

    @LocalServerPort
    int port;
    HttpFixture http;
    RawHttp raw;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
        raw = new RawHttp(port);
    }

    private JsonNode refused(String target, String code) throws IOException {
        RawHttp.Answer a = raw.get(target, Map.of());
        assertThat(a.status()).as(target + ": " + a.text()).isEqualTo(400);
        JsonNode body = JSON.readTree(a.body());
        assertThat(body.get("error").asText()).as(target).isEqualTo(code);
        return body;
    }

    @Test
    void aBandOfZeroIsRefused() throws IOException {
        assertThat(refused("/api/v1/pixels?file=sample.mcool&resolution=100000&range1=chr1&diagonal_band_width=0",
                "invalid_parameter").get("message").asText()).contains("diagonal_band_width");
        assertThat(http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 100000, "range1", "chr1",
                "diagonal_band_width", 1)).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedParametersAreRefused() throws IOException {
        assertThat(refused("/api/v1/pixels?file=sample.mcool&resolution=100000&resolution=500000&range1=chr1",
                "repeated_parameter").get("message").asText()).contains("resolution");
        refused("/api/v1/cis?file=sample.mcool&resolution=100000&chromosomes=chr1&chromosomes=chr2", "repeated_parameter");
        refused("/api/v1/describe?file=sample.mcool&file=sample.hic", "repeated_parameter");
    }

    @Test
    void malformedEscapesAreRefused() throws IOException {
        assertThat(refused("/api/v1/pixels?file=sample.mcool&resolution=100000&range1=chr1&normalization=%zz",
                "invalid_parameter").get("message").asText()).contains("normalization");
        refused("/api/v1/files?x=%4", "invalid_parameter");
    }

    @Test
    void unknownParametersAreRefusedNamingTheKnownOnes() throws IOException {
        String message = refused("/api/v1/pixels?file=sample.mcool&resolution=100000&range1=chr1&normalisation=weight",
                "unknown_parameter").get("message").asText();
        assertThat(message).contains("normalisation").contains("normalization").contains("range2");
        refused("/api/v1/files?verbose=1", "unknown_parameter");
        refused("/api/v1/cis?file=sample.mcool&resolution=100000&range1=chr1", "unknown_parameter");
    }

    @Test
    void resolutionsThatAreNotPositiveNumbersAreRefused() throws IOException {
        for (String r : new String[] {"-1", "0"}) {
            String message = refused("/api/v1/pixels?file=sample.mcool&resolution=" + r + "&range1=chr1", "invalid_parameter")
                    .get("message").asText();
            assertThat(message).contains("positive").contains("100000");
        }
        assertThat(refused("/api/v1/pixels?file=sample.mcool&resolution=&range1=chr1", "invalid_parameter")
                .get("message").asText()).contains("resolution").contains("empty");
        refused("/api/v1/cis?file=sample.mcool&resolution=0", "invalid_parameter");
    }

    @Test
    void normalizationsResolveTheSameOnPixelsAndCisForBothFormats() {
        for (String[] c : new String[][] {{"sample.hic", "vc", "VC"}, {"sample.hic", "scale", "SCALE"},
                {"sample.mcool", "WEIGHT", "weight"}}) {
            HttpResponse<byte[]> pixels = http.get("/api/v1/pixels", params("file", c[0], "resolution", 500000,
                    "range1", "chr1", "normalization", c[1]));
            HttpResponse<byte[]> cis = http.get("/api/v1/cis", params("file", c[0], "resolution", 500000,
                    "chromosomes", "chr1", "normalization", c[1]));
            assertThat(pixels.statusCode()).as(c[0] + " " + c[1]).isEqualTo(200);
            assertThat(cis.statusCode()).as(c[0] + " " + c[1]).isEqualTo(200);
            HttpFixture.ArrowAnswer p = HttpFixture.readArrow(pixels.body());
            HttpFixture.ArrowAnswer q = HttpFixture.readArrow(cis.body());
            assertThat(p.metadata()).containsEntry("hicserve.normalization", c[2]);
            assertThat(q.metadata()).containsEntry("hicserve.normalization", c[2]);
            assertThat(q.pixels()).isEqualTo(p.pixels());
            HttpResponse<byte[]> exact = http.get("/api/v1/pixels", params("file", c[0], "resolution", 500000,
                    "range1", "chr1", "normalization", c[2]));
            assertThat(HttpFixture.readArrow(exact.body()).pixels()).isEqualTo(p.pixels());
        }
        for (String endpoint : new String[] {"/api/v1/pixels", "/api/v1/cis"}) {
            HttpResponse<byte[]> unknown = http.get(endpoint, params("file", "sample.hic", "resolution", 500000,
                    "range1", endpoint.endsWith("pixels") ? "chr1" : null, "normalization", "vcx"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(new String(unknown.body())).contains("VC_SQRT");
        }
    }
}
