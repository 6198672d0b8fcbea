package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.ExpectedTable;
import org.hicserve.reader.hic.HicFile;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.files.MetadataCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/expected} over HTTP on the bundled sample: the table in every format equals what the reader
 * computes or reads (the reader's tables are checked against numpy and Juicer's rule in the reader's tests), the
 * cooler table is computed once and cached, errors list what exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpectedHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MetadataCache metadataCache;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    @Test
    void coolerTableAsTsvIsTheComputedOneAndIsCached() {
        HttpResponse<byte[]> r = http.get("/api/v1/expected", params("file", "sample.mcool", "resolution", 100000,
                "normalization", "weight", "format", "tsv"));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("chrom\tdist\tdist_bp\tn_valid\tcount_sum\tcount_avg\tbalanced_sum\tbalanced_avg");
        try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 100000)) {
            ExpectedTable t = (ExpectedTable) Expectations.of(f, "weight");
            assertThat(lines).hasSize(1 + (int) f.bins().size());
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t");
                DiagonalRows rows = t.rows(f.chromosomes().byName(c[0]).id());
                int d = Integer.parseInt(c[1]);
                assertThat(Long.parseLong(c[2])).isEqualTo(100000L * d);
                assertThat(Long.parseLong(c[3])).isEqualTo(rows.nValid()[d]);
                assertThat(Double.parseDouble(c[4])).isEqualTo(rows.countSum()[d]);
                assertThat(Double.parseDouble(c[5])).isEqualTo(rows.countAvg()[d]);
                assertThat(Double.parseDouble(c[6])).isEqualTo(rows.balancedSum()[d]);
                assertThat(Double.valueOf(c[7])).isEqualTo(Double.valueOf(rows.balancedAvg()[d])); // NaN when n_valid 0
                if (rows.nValid()[d] > 0) {
                    assertThat(Double.parseDouble(c[7])).isNotNaN();
                }
            }
        }
        long hits = metadataCache.expectedCache().stats().hitCount();
        assertThat(http.get("/api/v1/expected", params("file", "sample.mcool", "resolution", 100000,
                "normalization", "weight", "chromosomes", "chr2", "format", "json")).statusCode()).isEqualTo(200);
        assertThat(metadataCache.expectedCache().stats().hitCount()).as("second call served from the cache")
                .isEqualTo(hits + 1);
    }

    @Test
    void hicTableAsArrowHoldsTheStoredVectors() throws Exception {
        HttpResponse<byte[]> r = http.get("/api/v1/expected", params("file", "sample.hic", "resolution", 50000,
                "normalization", "SCALE", "chromosomes", "chrX,chr2"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.apache.arrow.stream");
        List<String> chroms = new ArrayList<>();
        List<Double> balancedAvg = new ArrayList<>();
        List<Double> countAvg = new ArrayList<>();
        List<Object> countSum = new ArrayList<>();
        List<String> columns;
        try (BufferAllocator a = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.body()), a)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            columns = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            while (reader.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    chroms.add(root.getVector("chrom").getObject(i).toString());
                    balancedAvg.add((Double) root.getVector("balanced_avg").getObject(i));
                    countAvg.add((Double) root.getVector("count_avg").getObject(i));
                    countSum.add(root.getVector("count_sum").getObject(i));
                }
            }
        }
        assertThat(columns).containsExactly("chrom", "dist", "dist_bp", "n_valid", "count_sum", "count_avg",
                "balanced_sum", "balanced_avg");
        try (HicFile f = HicFile.open(TestData.sample("sample.hic"), 50000, null)) {
            var scale = Expectations.of(f, "SCALE");
            var none = Expectations.of(f, "NONE");
            int c2 = f.chromosomes().byName("chr2").id();
            int cx = f.chromosomes().byName("chrX").id();
            int n2 = (int) f.bins().binCount(c2);
            assertThat(chroms).hasSize(n2 + (int) f.bins().binCount(cx));
            assertThat(chroms.get(0)).isEqualTo("chr2"); // file order, whatever the order asked
            for (int d = 0; d < n2; d++) {
                assertThat(balancedAvg.get(d)).isEqualTo(scale.cis(c2, d));
                assertThat(countAvg.get(d)).isEqualTo(none.cis(c2, d));
                assertThat(countSum.get(d)).as("a .hic stores no sums").isNull();
            }
            assertThat(balancedAvg.get(n2 + 4)).isEqualTo(scale.cis(cx, 4));
        }
    }

    @Test
    void jsonHasNullsForWhatIsNotStored() throws Exception {
        HttpResponse<byte[]> r = http.get("/api/v1/expected", params("file", "sample.hic", "resolution", 500000,
                "format", "json", "chromosomes", "chr3"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("columns").toString()).isEqualTo(
                "[\"chrom\",\"dist\",\"dist_bp\",\"n_valid\",\"count_sum\",\"count_avg\"]");
        JsonNode row = j.get("data").get(2);
        assertThat(row.get(0).asText()).isEqualTo("chr3");
        assertThat(row.get(1).asInt()).isEqualTo(2);
        assertThat(row.get(2).asLong()).isEqualTo(1_000_000);
        assertThat(row.get(3).asLong()).isEqualTo(13 - 2); // 13 bins, raw: every pair counts
        assertThat(row.get(4).isNull()).isTrue();
        assertThat(row.get(5).asDouble()).isPositive();
    }

    @Test
    void pngIsALogLogPlot() throws Exception {
        HttpResponse<byte[]> r = http.get("/api/v1/expected", params("file", "sample.mcool", "resolution", 10000,
                "normalization", "weight", "format", "png", "chromosomes", "chr1,chr2"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(image.getWidth()).isEqualTo(800);
        // the two curves are drawn: some pixels are neither white nor black nor grey
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int red = rgb >> 16;
                int green = (rgb >> 8) & 0xff;
                int blue = rgb & 0xff;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 60) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).isGreaterThan(500);
    }

    @Test
    void errorsListWhatExists() {
        HttpResponse<byte[]> r = http.get("/api/v1/expected", params("file", "sample.hic", "resolution", 50000,
                "normalization", "KR"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("VC_SQRT");
        r = http.get("/api/v1/expected", params("file", "sample.mcool", "resolution", 50000, "chromosomes", "chr9"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("chrX");
        r = http.get("/api/v1/expected", params("file", "sample.mcool", "resolution", 50000, "format", "npy"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .contains("format must be one of arrow, tsv, json, png for the expected table; not 'npy'");
    }

    /** A normalization resolves by the one rule of every endpoint: the stored name, else the one equal ignoring case. */
    @Test
    void normalizationsResolveIgnoringCase() {
        for (String[] c : new String[][] {{"sample.mcool", "WEIGHT", "weight"}, {"sample.hic", "vc", "VC"}}) {
            HttpResponse<byte[]> asked = http.get("/api/v1/expected", params("file", c[0], "resolution", 500000,
                    "normalization", c[1], "format", "tsv"));
            HttpResponse<byte[]> stored = http.get("/api/v1/expected", params("file", c[0], "resolution", 500000,
                    "normalization", c[2], "format", "tsv"));
            assertThat(asked.statusCode()).as(c[0] + " " + c[1]).isEqualTo(200);
            String table = new String(stored.body(), StandardCharsets.UTF_8);
            assertThat(table.lines().count()).isGreaterThan(10);
            assertThat(new String(asked.body(), StandardCharsets.UTF_8)).isEqualTo(table);
        }
        HttpResponse<byte[]> unknown = http.get("/api/v1/expected", params("file", "sample.hic", "resolution", 500000,
                "normalization", "vcx"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("VC_SQRT");
    }

    /** Without {@code format}, the Accept header chooses, as on the pixels endpoints; npy is refused either way. */
    @Test
    void theAcceptHeaderChoosesTheFormat() {
        String query = "/api/v1/expected" + HttpFixture.query(params("file", "sample.mcool", "resolution", 500000));
        HttpResponse<byte[]> tsv = http.get(query, "text/tab-separated-values");
        assertThat(tsv.statusCode()).isEqualTo(200);
        assertThat(tsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/tab-separated-values");
        HttpResponse<byte[]> npy = http.get(query, "application/x-npy");
        assertThat(npy.statusCode()).isEqualTo(400);
        assertThat(new String(npy.body(), StandardCharsets.UTF_8)).contains("invalid_parameter");
    }
}
