package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hicserve.service.web.HttpFixture.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hicserve.reader.testing.ReferenceTable;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every row of ../shared/test-data/REFERENCE.md (cooler 0.9.1 and hic-straw 2.1.4 answers) through the HTTP
 * pixels endpoint, in Arrow and TSV. Skipped without ../shared (mandatory under CI).
 */
// with decoders ahead of the reading thread: the same answers must come out
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hicserve.decode-threads=2")
class SharedDataHttpTest {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        // without the shared files the context still starts (on the sample); @BeforeAll then skips or fails
        registry.add("hicserve.data-dir", () -> Files.isDirectory(TestData.sharedDir()) ? TestData.sharedDir().toString()
                : TestData.sample("sample.mcool").getParent().toString());
    }

    @BeforeAll
    static void requireSharedData() {
        TestData.shared("REFERENCE.md");
    }

    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    static Stream<Arguments> rows() {
        var md = TestData.sharedDir().resolve("REFERENCE.md");
        if (!Files.exists(md)) {
            return Stream.of(Arguments.of("absent", Map.of(), 0L, 0.0, true));
        }
        List<Arguments> out = new ArrayList<>();
        for (List<String> r : ReferenceTable.rows(md, "## Cooler files")) {
            String[] uri = r.get(0).split("::");
            Map<String, Object> p = params("file", uri[0], "resolution",
                    uri.length > 1 ? Integer.valueOf(uri[1].substring(uri[1].lastIndexOf('/') + 1)) : null);
            String[] q = r.get(1).split(" , ");
            p.put("range1", q[0]);
            p.put("range2", q.length > 1 ? q[1] : null);
            String norm = r.get(2).startsWith("NONE") ? "NONE" : r.get(2).split("'")[1];
            p.put("normalization", norm);
            out.add(Arguments.of(r.get(0) + " " + r.get(1) + " " + norm, p, Long.parseLong(r.get(3)),
                    Double.parseDouble(r.get(4)), norm.equals("NONE")));
        }
        for (List<String> r : ReferenceTable.rows(md, "## Juicer .hic files")) {
            String[] q = r.get(3).split(" x ");
            Map<String, Object> p = params("file", r.get(0), "unit", r.get(1), "resolution", Integer.valueOf(r.get(2)),
                    "range1", q[0], "range2", q.length > 1 ? q[1] : null, "normalization", r.get(5));
            out.add(Arguments.of(r.get(0) + " " + r.get(2) + " " + r.get(3) + " " + r.get(5), p, Long.parseLong(r.get(6)),
                    Double.parseDouble(r.get(7)), r.get(5).equals("NONE")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void referenceRowOverHttp(String name, Map<String, Object> query, long pixels, double sum, boolean raw) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(query);
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", p);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        HttpFixture.ArrowAnswer a = HttpFixture.readArrow(r.body());
        assertThat(a.pixels()).hasSize((int) pixels);
        boolean exact = raw && sum == Math.rint(sum); // float-count files have raw sums that are not integers
        assertThat(a.sum()).isCloseTo(sum, within(exact ? 0 : Math.abs(sum) * 1e-9));

        p.put("format", "tsv");
        String tsv = new String(http.get("/api/v1/pixels", p).body(), StandardCharsets.UTF_8);
        long lines = tsv.lines().count() - 1;
        assertThat(lines).isEqualTo(pixels);
    }
}
