package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code matrix_type} and {@code count_type} on {@code pixels} and {@code cis} over HTTP: every pixel equals what
 * the reader's transform answers on the same file (the transform itself is checked against the stored vectors,
 * Juicer's rule and numpy in the reader's tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MatrixTypeHttpTest {
    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    @ParameterizedTest(name = "{0} {1} x {2} {3} {4}")
    @CsvSource({
        "sample.hic, chr2, chr2, VC, oe",
        "sample.hic, chrX, chr1, NONE, oe",
        "sample.hic, chr1:0-3000000, chr1:0-3000000, SCALE, expected",
        "sample.mcool, chr2, chr2, weight, oe",
        "sample.mcool, chrX, chr1, weight, oe",
        "sample.mcool, chr3, chr3, NONE, expected",
    })
    void pixelsEqualTheReader(String file, String range1, String range2, String norm, String type) {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", file, "resolution", 100000,
                "range1", range1, "range2", range2, "normalization", norm, "matrix_type", type));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        HttpFixture.ArrowAnswer a = HttpFixture.readArrow(r.body());
        assertThat(a.countType()).contains("DOUBLE");
        List<Pixel> want;
        try (MatrixFile f = MatrixFiles.open(TestData.sample(file), 100000)) {
            PixelQuery q = PixelQuery.of(UcscParser.parse(f.chromosomes(), range1),
                    UcscParser.parse(f.chromosomes(), range2)).withNormalization(norm);
            want = PixelTally.pixels(Expectations.fetch(f, q, MatrixType.parse(type), Expectations.of(f, norm)));
        }
        assertThat(want).isNotEmpty();
        assertThat(a.pixels()).containsExactlyElementsOf(want);
    }

    @Test
    void cisOeIsEveryChromosomeInFileOrder() {
        HttpResponse<byte[]> r = http.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 50000,
                "normalization", "weight", "matrix_type", "oe", "format", "tsv"));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).lines().toList();
        List<Pixel> want = new ArrayList<>();
        try (MatrixFile f = MatrixFiles.open(TestData.sample("sample.mcool"), 50000)) {
            var e = Expectations.of(f, "weight");
            for (Chromosome c : f.chromosomes().chromosomes()) {
                want.addAll(PixelTally.pixels(Expectations.fetch(f, PixelQuery.cis(GenomicInterval.whole(c))
                        .withNormalization("weight"), MatrixType.OE, e)));
            }
        }
        assertThat(lines).hasSize(want.size() + 1);
        for (int i = 0; i < want.size(); i++) {
            String[] c = lines.get(i + 1).split("\t");
            assertThat(new Pixel(Long.parseLong(c[0]), Long.parseLong(c[1]), Double.parseDouble(c[2])))
                    .isEqualTo(want.get(i));
        }
    }

    @Test
    void countTypeFloatAnswersFloat64() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.hic", "resolution", 100000,
                "range1", "chr2", "count_type", "float"));
        assertThat(r.statusCode()).isEqualTo(200);
        HttpFixture.ArrowAnswer floats = HttpFixture.readArrow(r.body());
        HttpFixture.ArrowAnswer ints = HttpFixture.readArrow(http.get("/api/v1/pixels", params("file", "sample.hic",
                "resolution", 100000, "range1", "chr2")).body());
        assertThat(floats.countType()).contains("DOUBLE");
        assertThat(ints.countType()).contains("Int(32");
        assertThat(floats.pixels()).containsExactlyElementsOf(ints.pixels());
        HttpResponse<byte[]> cis = http.get("/api/v1/cis", params("file", "sample.hic", "resolution", 500000,
                "count_type", "float"));
        assertThat(HttpFixture.readArrow(cis.body()).countType()).contains("DOUBLE");
    }

    @Test
    void describeNotesTheStoredCountType() {
        assertThat(http.text("/api/v1/describe?file=sample.hic")).contains("\"count_type\":\"int32\"")
                .contains("\"stored_count_type\":\"int16 or float32 per block\"");
        assertThat(http.text("/api/v1/describe?file=sample.mcool")).contains("\"stored_count_type\":\"int32\"");
    }

    @Test
    void badValuesAreRefusedBeforeTheAnswer() {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.hic", "resolution", 100000,
                "range1", "chr2", "matrix_type", "ratio"));
        assertThat(r.statusCode()).isEqualTo(400);
        r = http.get("/api/v1/cis", params("file", "sample.hic", "resolution", 100000, "count_type", "double"));
        assertThat(r.statusCode()).isEqualTo(400);
        r = http.get("/api/v1/cis", params("file", "sample.hic", "resolution", 100000, "normalization", "KR",
                "matrix_type", "oe"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("SCALE");
    }
}
