package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service with its default settings shares decoded blocks between requests (hicserve.block-cache-size) and
 * decodes ahead (hicserve.decode-threads): overlapping windows over HTTP answer what the reader alone answers, in
 * both formats, raw and balanced, and the {@code decoded-blocks} cache reports its hits at /actuator/prometheus.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlockCacheHttpTest {
    private static final Pattern HITS = Pattern.compile(
            "(?m)^cache_gets_total\\{[^}]*cache=\"decoded-blocks\"[^}]*result=\"hit\"[^}]*} ([0-9.eE+]+)$");

    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    private static List<Pixel> reader(String file, String range, String norm) {
        try (MatrixFile f = MatrixFiles.open(TestData.sample(file), 5000)) {
            var q = PixelQuery.cis(UcscParser.parse(f.chromosomes(), range)).withNormalization(norm);
            return PixelTally.pixels(f.fetch(q));
        }
    }

    private double hits() {
        String text = http.text("/actuator/prometheus");
        Matcher m = HITS.matcher(text);
        assertThat(m.find()).as("decoded-blocks hits in\n" + text.lines().filter(l -> l.contains("decoded-blocks"))
                .toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void overlappingWindowsAnswerAsTheReaderAloneAndHitTheCache() {
        double before = hits();
        List<String> checked = new ArrayList<>();
        for (String file : List.of("sample.hic", "sample.mcool")) {
            String balanced = file.endsWith(".hic") ? "VC" : "weight";
            for (String norm : List.of("NONE", balanced)) {
                for (String range : List.of("chr1:2,000,000-6,000,000", "chr1:3,000,000-7,000,000", "chr1")) {
                    HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", file, "resolution", 5000,
                            "range1", range, "normalization", norm));
                    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                    List<Pixel> expected = reader(file, range, norm);
                    assertThat(HttpFixture.readArrow(r.body()).pixels()).as(file + " " + range + " " + norm)
                            .isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
                    checked.add(file + range + norm);
                }
            }
        }
        assertThat(checked).hasSize(12);
        assertThat(hits()).isGreaterThan(before);
    }
}
