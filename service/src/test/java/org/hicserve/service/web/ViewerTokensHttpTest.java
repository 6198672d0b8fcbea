package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hicserve.service.tiles.TilesetUid;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With tokens configured, the viewer endpoints never answer a caller without one, and send no CORS "*". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hicserve.auth.tokens=viewer-token-0123456789")
class ViewerTokensHttpTest {
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noTokenNoTilesNoBytes() throws Exception {
        String uid = TilesetUid.of("sample.mcool");
        for (String path : new String[] {"/higlass/api/v1/tilesets/", "/higlass/api/v1/tileset_info/?d=" + uid,
                "/higlass/api/v1/tiles/?d=" + uid + ".0.0.0", "/higlass/api/v1/chrom-sizes/?id=" + uid,
                "/api/v1/raw/sample.mcool"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).contains("\"error\":\"unauthorized\"").doesNotContain("dense");
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        assertThat(get("/").statusCode()).as("the page itself is open; it asks for the token").isEqualTo(200);
    }

    @Test
    void aPreflightIsAnsweredWithoutATokenButReadsNothing() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/raw/sample.hic"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isNotEqualTo(401);
        assertThat(preflight.body()).doesNotContain("HIC");
        HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/files"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).as("a plain OPTIONS is no preflight: it needs a token").isEqualTo(401);
    }
}
