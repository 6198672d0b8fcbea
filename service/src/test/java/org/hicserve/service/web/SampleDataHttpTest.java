package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hicserve.service.web.HttpFixture.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service with no configuration at all serves the bundled sample: every REFERENCE.csv row over real HTTP,
 * in every format.
 */
// metrics export is off in tests unless asked for: the prometheus endpoint is part of what is tested here
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleDataHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    static Stream<Arguments> referenceRows() {
        return TestData.csv(TestData.sample("REFERENCE.csv")).stream()
                .map(r -> Arguments.of(r[0], Integer.parseInt(r[1]), r[2], r[3], r[4], Long.parseLong(r[5]), Double.parseDouble(r[6])));
    }

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @MethodSource("referenceRows")
    void pixelsMatchReferenceOverHttp(String file, int resolution, String range1, String range2, String normalization,
            long pixels, double sum) {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", file, "resolution", resolution,
                "range1", range1, "range2", range2, "normalization", normalization));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.apache.arrow.stream");
        HttpFixture.ArrowAnswer a = HttpFixture.readArrow(r.body());
        assertThat(a.pixels()).hasSize((int) pixels);
        // .hic v9 vectors are float32: the reference tools agree with each other to ~1e-7 (sample README)
        assertThat(a.sum()).isCloseTo(sum, within(Math.abs(sum) * (normalization.equals("NONE") ? 0 : 1e-9)));
        assertThat(a.countType()).isEqualTo(normalization.equals("NONE") ? "Int(32, true)" : "FloatingPoint(DOUBLE)");
        if (range1.equals(range2)) {
            assertThat(a.pixels()).allMatch(p -> p.bin1() <= p.bin2());
        }
    }

    @Test
    void filesListsTheBundledSample() throws Exception {
        JsonNode files = JSON.readTree(http.text("/api/v1/files"));
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).contains("sample.mcool", "sample.hic");
        for (JsonNode f : files) {
            if (f.get("name").asText().equals("sample.mcool")) {
                assertThat(f.get("format").asText()).isEqualTo("mcool");
                assertThat(f.get("size_bytes").asLong()).isEqualTo(java.nio.file.Files.size(TestData.sample("sample.mcool")));
            }
            if (f.get("name").asText().equals("sample.hic")) {
                assertThat(f.get("format").asText()).isEqualTo("hic");
            }
        }
    }

    @Test
    void describeBothFormatsOfTheSample() throws Exception {
        for (String file : List.of("sample.mcool", "sample.hic")) {
            HttpResponse<byte[]> r = http.get("/api/v1/describe", params("file", file));
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode d = JSON.readTree(r.body());
            assertThat(d.get("name").asText()).isEqualTo(file);
            assertThat(d.get("format").asText()).isEqualTo(file.endsWith("hic") ? "hic" : "mcool");
            List<Integer> res = new ArrayList<>();
            d.get("resolutions").forEach(x -> res.add(x.asInt()));
            assertThat(res).containsExactly(5000, 10000, 50000, 100000, 500000);
            List<String> chroms = new ArrayList<>();
            d.get("chromosomes").forEach(c -> chroms.add(c.get("name").asText() + ":" + c.get("length").asLong()));
            assertThat(chroms).containsExactly("chr1:12000000", "chr2:9500000", "chr3:6200003", "chrX:4000000");
            List<String> norms = new ArrayList<>();
            d.get("normalizations").forEach(n -> norms.add(n.asText()));
            assertThat(norms.get(0)).isEqualTo("NONE");
            if (file.endsWith("mcool")) {
                assertThat(norms).containsExactly("NONE", "weight");
            } else {
                assertThat(norms).contains("VC", "VC_SQRT", "SCALE").doesNotContain("KR", "All", "ALL");
            }
        }
    }

    @Test
    void tsvAndJsonCarryTheSamePixelsAsArrow() throws Exception {
        var p = params("file", "sample.mcool", "resolution", 100000, "range1", "chr2:1234567-3456789",
                "normalization", "weight");
        HttpFixture.ArrowAnswer arrow = HttpFixture.readArrow(http.get("/api/v1/pixels", p).body());

        p.put("format", "tsv");
        HttpResponse<byte[]> tsv = http.get("/api/v1/pixels", p);
        assertThat(tsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/tab-separated-values");
        String[] lines = new String(tsv.body(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("bin1_id\tbin2_id\tcount");
        List<Pixel> fromTsv = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            fromTsv.add(new Pixel(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2])));
        }
        assertThat(fromTsv).isEqualTo(arrow.pixels());

        p.put("format", "json");
        JsonNode json = JSON.readTree(http.get("/api/v1/pixels", p).body());
        assertThat(json.get("columns").toString()).isEqualTo("[\"bin1_id\",\"bin2_id\",\"count\"]");
        List<Pixel> fromJson = new ArrayList<>();
        json.get("data").forEach(row -> fromJson.add(new Pixel(row.get(0).asLong(), row.get(1).asLong(), row.get(2).asDouble())));
        assertThat(fromJson).isEqualTo(arrow.pixels());
    }

    @Test
    void acceptHeaderChoosesTheFormat() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels" + HttpFixture.query(params("file", "sample.hic",
                "resolution", 500000, "range1", "chr3")), "text/tab-separated-values");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("bin1_id\tbin2_id\tcount\n");
    }

    @Test
    void joinedArrowHasGenomicCoordinatesAndASharedChromosomeDictionary() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 500000,
                "range1", "chrX", "range2", "chr1", "join", "true"));
        HttpFixture.ArrowAnswer a = HttpFixture.readArrow(r.body());
        assertThat(a.columns()).containsExactly("chrom1", "start1", "end1", "chrom2", "start2", "end2", "count");
        assertThat(a.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("chrX");
            assertThat(row.get(3)).isEqualTo("chr1");
            assertThat((Integer) row.get(2) - (Integer) row.get(1)).isEqualTo(500000);
        });
        assertThat(a.metadata()).containsEntry("hicserve.resolution", "500000");
    }

    @Test
    void cisEqualsTheConcatenationOfPerChromosomePixels() {
        for (String file : List.of("sample.mcool", "sample.hic")) {
            String norm = file.endsWith("mcool") ? "weight" : "VC";
            HttpFixture.ArrowAnswer cis = HttpFixture.readArrow(http.get("/api/v1/cis",
                    params("file", file, "resolution", 50000, "normalization", norm)).body());
            List<Pixel> concatenated = new ArrayList<>();
            for (String chrom : List.of("chr1", "chr2", "chr3", "chrX")) {
                concatenated.addAll(HttpFixture.readArrow(http.get("/api/v1/pixels",
                        params("file", file, "resolution", 50000, "range1", chrom, "normalization", norm)).body()).pixels());
            }
            assertThat(concatenated).isNotEmpty();
            assertThat(cis.pixels()).isEqualTo(concatenated);
        }
    }

    @Test
    void cisKeepsFileOrderWhateverTheListedOrder() {
        HttpFixture.ArrowAnswer cis = HttpFixture.readArrow(http.get("/api/v1/cis",
                params("file", "sample.mcool", "resolution", 500000, "chromosomes", "chrX,chr2")).body());
        List<Pixel> expected = new ArrayList<>();
        for (String chrom : List.of("chr2", "chrX")) {
            expected.addAll(HttpFixture.readArrow(http.get("/api/v1/pixels",
                    params("file", "sample.mcool", "resolution", 500000, "range1", chrom)).body()).pixels());
        }
        assertThat(cis.pixels()).isEqualTo(expected);
    }

    @Test
    void openApiDescriptionIsServed() throws Exception {
        JsonNode api = JSON.readTree(http.text("/v3/api-docs"));
        assertThat(api.get("paths").has("/api/v1/pixels")).isTrue();
        assertThat(api.get("paths").has("/api/v1/cis")).isTrue();
    }

    @Test
    void healthAndPrometheus() {
        assertThat(http.text("/actuator/health")).contains("\"UP\"");
        http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 500000, "range1", "chr1"));
        String metrics = http.text("/actuator/prometheus");
        assertThat(metrics).contains("hicserve_rows_streamed_total", "hicserve_bytes_streamed_total",
                "hicserve_reader_handles_open", "hicserve_stream_seconds_count", "executor_active_threads",
                "cache_gets_total");
    }
}
