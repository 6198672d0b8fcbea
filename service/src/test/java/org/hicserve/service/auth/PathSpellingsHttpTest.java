package org.hicserve.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.testing.PathSpellings;
import org.hicserve.service.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token check cannot be walked around by spelling a path differently: for every endpoint, every generated
 * spelling ({@link PathSpellings}) without a token, with a wrong one and with a valid one is refused or not
 * found, never answered, and every refusal is the API.md JSON error. The canonical spelling needs a token.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hicserve.auth.tokens=everything-0123456789"})
class PathSpellingsHttpTest {
    private static final String TOKEN = "everything-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every endpoint, with a query that answers 200 when asked properly with a token. */
    private static final List<String> ENDPOINTS = List.of(
            "/api/v1/files",
            "/api/v1/describe?file=sample.mcool",
            "/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1",
            "/api/v1/cis?file=sample.hic&resolution=500000",
            "/api/v1/validate?file=sample.mcool",
            "/actuator/prometheus",
            "/actuator/info",
            "/actuator",
            "/v3/api-docs");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("hicserve.data-dir", TestData.copySamples(dataDir, "sample.mcool", "sample.hic")::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void everyEndpointNeedsAToken() {
        RawHttp http = new RawHttp(port);
        for (String endpoint : ENDPOINTS) {
            RawHttp.Answer without = http.get(endpoint, Map.of());
            assertThat(without.status()).as(endpoint).isEqualTo(401);
            assertErrorBody(endpoint, without, "unauthorized");
            RawHttp.Answer with = http.get(endpoint, Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(with.status()).as(endpoint + " with a token").isEqualTo(200);
        }
    }

    @Test
    void noSpellingOfAnyEndpointAnswersWithoutAValidToken() {
        RawHttp http = new RawHttp(port);
        List<String> answered = new ArrayList<>();
        int tried = 0;
        for (String endpoint : ENDPOINTS) {
            int q = endpoint.indexOf('?');
            String path = q < 0 ? endpoint : endpoint.substring(0, q);
            String query = q < 0 ? "" : endpoint.substring(q);
            for (String spelling : PathSpellings.of(path)) {
                for (Map<String, String> headers : List.of(Map.<String, String>of(),
                        Map.of("Authorization", "Bearer wrong-token-0000"))) {
                    RawHttp.Answer a = http.get(spelling + query, headers);
                    tried++;
                    if (a.status() < 400) {
                        answered.add(a.status() + " " + spelling + query + " " + headers.keySet());
                    }
                    assertErrorBody(spelling + query, a, null);
                }
            }
        }
        assertThat(answered).as("spellings answered without a valid token").isEmpty();
        assertThat(tried).isGreaterThan(500);
    }

    @Test
    void withAValidTokenOtherSpellingsAreRefusedOrNotFoundNeverRoutedElsewhere() {
        RawHttp http = new RawHttp(port);
        List<String> answered = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            int q = endpoint.indexOf('?');
            String path = q < 0 ? endpoint : endpoint.substring(0, q);
            String query = q < 0 ? "" : endpoint.substring(q);
            for (String spelling : PathSpellings.of(path)) {
                RawHttp.Answer a = http.get(spelling + query, Map.of("Authorization", "Bearer " + TOKEN));
                if (a.status() < 400) {
                    answered.add(a.status() + " " + spelling + query);
                }
                assertThat(a.status()).as(spelling).isIn(400, 404, 405);
                assertErrorBody(spelling + query, a, null);
            }
        }
        assertThat(answered).isEmpty();
    }

    @Test
    void encodedPathsAreRefusedWithTheirReason() throws IOException {
        RawHttp.Answer a = new RawHttp(port).get("/%61pi/v1/files", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(a.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(a.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_path");
        assertThat(body.get("message").asText()).contains("%61").contains("'a'");
    }

    @Test
    void healthStaysOpenAndSaysNothingElse() throws IOException {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer health = http.get("/actuator/health", Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void errorAnswersJson404ToAPlainGet() {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer a = http.get("/error", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(a.status()).isEqualTo(404);
        assertErrorBody("/error", a, "not_found");
        assertThat(http.get("/error", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void metricsDoNotPublishTheWorkingDirectory() {
        RawHttp.Answer a = new RawHttp(port).get("/actuator/prometheus", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains("hicserve").doesNotContain("disk_free_bytes")
                .doesNotContain(Path.of("").toAbsolutePath().toString());
    }

    @Test
    void containerRefusalsAreJsonToo() {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer longHeader = http.get("/api/v1/files", Map.of("Authorization", "Bearer " + TOKEN,
                "X-Padding", "x".repeat(20_000)));
        assertThat(longHeader.status()).isEqualTo(400);
        assertErrorBody("a 20 kB header", longHeader, null);
        RawHttp.Answer longUrl = http.get("/api/v1/files?x=" + "y".repeat(20_000), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(longUrl.status()).isGreaterThanOrEqualTo(400);
        assertErrorBody("a 20 kB URL", longUrl, null);
        RawHttp.Answer badLine = http.send("GET /api/v1/files HTTP/1.1 extra", Map.of());
        assertThat(badLine.status()).isEqualTo(400);
        assertErrorBody("a malformed request line", badLine, null);
    }

    private static void assertErrorBody(String what, RawHttp.Answer a, String code) {
        assertThat(a.headers().getOrDefault("content-type", "")).as(what + " content type").startsWith("application/json");
        try {
            JsonNode body = JSON.readTree(a.body());
            assertThat(body.hasNonNull("error")).as(what + ": " + a.text()).isTrue();
            assertThat(body.hasNonNull("message")).as(what + ": " + a.text()).isTrue();
            if (code != null) {
                assertThat(body.get("error").asText()).as(what).isEqualTo(code);
            }
        } catch (IOException e) {
            throw new AssertionError(what + " answered " + a.status() + " with a body that is not JSON: " + a.text(), e);
        }
    }
}
