package org.hicserve.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bearer tokens: 401 without a valid one, per-token folders (403 outside them), health open, tokens never logged. */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hicserve.auth.tokens=everything-0123456789,lab-only-0123456789:lab"})
class AccessControlHttpTest {
    private static final String ALL = "everything-0123456789";
    private static final String LAB = "lab-only-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("hicserve.data-dir", TestData.copySamples(dataDir, "sample.mcool", "lab/sample.hic")::toString);
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() throws Exception {
        for (String path : new String[] {"/api/v1/files", "/api/v1/describe?file=sample.mcool",
                "/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1", "/api/v1/cis?file=sample.mcool&resolution=500000"}) {
            for (String token : new String[] {null, "wrong-token-000000", ALL + "x"}) {
                HttpResponse<String> r = get(path, token);
                assertThat(r.statusCode()).as(path + " " + token).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
                assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("unauthorized");
            }
        }
    }

    @Test
    void aValidTokenReadsWhatItsFoldersAllow() throws Exception {
        HttpResponse<String> all = get("/api/v1/files", ALL);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(names(all.body())).containsExactly("lab/sample.hic", "sample.mcool");
        assertThat(get("/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1", ALL).statusCode()).isEqualTo(200);

        assertThat(names(get("/api/v1/files", LAB).body())).containsExactly("lab/sample.hic");
        assertThat(get("/api/v1/pixels?file=lab/sample.hic&resolution=500000&range1=chr1", LAB).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = get("/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1", LAB);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("error").asText()).isEqualTo("forbidden");
        assertThat(get("/api/v1/describe?file=sample.mcool", LAB).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/cis?file=sample.mcool&resolution=500000", LAB).statusCode()).isEqualTo(403);
    }

    @Test
    void healthStaysOpenAndMetricsNeedAToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", ALL).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensNeverAppearInTheLog(CapturedOutput output) throws Exception {
        get("/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1", ALL);
        get("/api/v1/pixels?file=sample.mcool&resolution=500000&range1=chr1", LAB);
        get("/api/v1/files", "not-a-valid-token-42");
        assertThat(output.getAll()).contains("hicserve.requests").doesNotContain(ALL, LAB, "not-a-valid-token-42");
    }

    private static java.util.List<String> names(String body) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (JsonNode f : JSON.readTree(body)) {
            names.add(f.get("name").asText());
        }
        return names;
    }
}
