package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-request caps: query span in bins (413) and the deadline (503 before the answer). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hicserve.max-query-bins=1000", "hicserve.request-deadline=1ms"})
class LimitsHttpTest {
    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    @Test
    void aQuerySpanningTooManyBinsIs413() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 5000, "range1", "chr1"));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("too_large", "2400 bins", "1000");
    }

    @Test
    void anAnswerPastTheDeadlineIsRefusedBeforeItStarts() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 50000,
                "range1", "chr1", "format", "json"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("deadline_exceeded");
    }
}
