package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.tiles.EncodedTile;
import org.hicserve.service.tiles.TileGeometry;
import org.hicserve.service.tiles.TileService;
import org.hicserve.service.tiles.TilesetUid;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HiGlass endpoints as the HiGlass client calls them, on the bundled sample in both formats. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HiGlassHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/higlass/api/v1";
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void tilesetsListEveryFileWithADotFreeUidAndPages() throws Exception {
        JsonNode page = json(BASE + "/tilesets/?limit=10000&dt=matrix");
        assertThat(page.get("count").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        for (JsonNode t : page.get("results")) {
            names.add(t.get("name").asText());
            assertThat(t.get("uuid").asText()).doesNotContain(".").isEqualTo(TilesetUid.of(t.get("name").asText()));
            assertThat(t.get("datatype").asText()).isEqualTo("matrix");
        }
        assertThat(names).containsExactly("sample.hic", "sample.mcool");
        JsonNode first = json(BASE + "/tilesets/?limit=1");
        assertThat(first.get("results")).hasSize(1);
        assertThat(first.get("next").asText()).contains("offset=1");
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(json(BASE + "/tilesets/?dt=vector").get("count").asInt()).isZero();
    }

    @Test
    void tilesetInfoOfBothFormats() throws Exception {
        String cool = TilesetUid.of("sample.mcool");
        JsonNode info = json(BASE + "/tileset_info/?d=" + cool).get(cool);
        assertThat(info.get("resolutions").toString()).isEqualTo("[5000,10000,50000,100000,500000]");
        assertThat(info.get("transforms").toString()).isEqualTo("[{\"name\":\"ICE\",\"value\":\"weight\"}]");
        assertThat(info.get("max_pos").toString()).isEqualTo("[31700003,31700003]");
        assertThat(info.get("min_pos").toString()).isEqualTo("[1,1]");
        assertThat(info.get("chromsizes").get(2).toString()).isEqualTo("[\"chr3\",6200003]");
        assertThat(info.get("name").asText()).isEqualTo("sample.mcool");
        String hic = TilesetUid.of("sample.hic");
        JsonNode h = json(BASE + "/tileset_info/?d=" + hic).get(hic);
        assertThat(h.get("resolutions")).isEqualTo(info.get("resolutions"));
        List<String> transforms = new ArrayList<>();
        h.get("transforms").forEach(t -> transforms.add(t.get("value").asText()));
        assertThat(transforms).containsExactlyInAnyOrder("VC", "VC_SQRT", "SCALE");
        assertThat(h.get("chromsizes")).isEqualTo(info.get("chromsizes"));
    }

    @Test
    void tilesByGetAndPostDecodeToTheComputedTiles() throws Exception {
        String cool = TilesetUid.of("sample.mcool");
        String hic = TilesetUid.of("sample.hic");
        String ids = "d=" + cool + ".0.0.0&d=" + cool + ".2.1.1&d=" + cool + ".2.1.1.None&d=" + hic + ".2.1.1.None&d="
                + hic + ".2.1.1.SCALE&d=" + cool + ".0.5.5&s=session";
        HttpResponse<String> r = get(BASE + "/tiles/?" + ids);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode tiles = JSON.readTree(r.body());
        assertThat(tiles.has(cool + ".0.5.5")).as("a tile past the genome is left out").isFalse();
        EncodedTile coarse = JSON.treeToValue(tiles.get(cool + ".0.0.0"), EncodedTile.class);
        assertThat(coarse.dtype()).as("the genome ends inside the tile: NaN needs float32").isEqualTo("float32");
        EncodedTile coolRaw = JSON.treeToValue(tiles.get(cool + ".2.1.1.None"), EncodedTile.class);
        EncodedTile hicRaw = JSON.treeToValue(tiles.get(hic + ".2.1.1.None"), EncodedTile.class);
        assertThat(coolRaw.dtype()).as("small integer counts, no NaN").isEqualTo("float16");
        assertThat(hicRaw.decode()).containsExactly(coolRaw.decode());
        assertThat(JSON.treeToValue(tiles.get(hic + ".2.1.1.SCALE"), EncodedTile.class).decode())
                .as("the transform is applied").isNotEqualTo(hicRaw.decode());

        FileMetadata md = MatrixFiles.readMetadata(TestData.sample("sample.mcool"));
        try (MatrixFile f = md.open(50000, null)) {
            float[] want = TileService.compute(f, new TileGeometry(f.chromosomes(), md.resolutions()), 1, 1, "weight").values();
            float[] got = JSON.treeToValue(tiles.get(cool + ".2.1.1"), EncodedTile.class).decode();
            for (int i = 0; i < want.length; i++) {
                if (Float.isNaN(want[i])) {
                    assertThat(got[i]).isNaN();
                } else {
                    // float16 keeps 11 significant bits (and subnormals down to 2^-24)
                    assertThat((double) got[i]).isCloseTo(want[i], org.assertj.core.data.Offset.offset(Math.abs(want[i]) / 1024 + 0x1p-24));
                }
            }
        }

        String post = "[{\"tilesetUid\":\"" + cool + "\",\"tileIds\":[\"2.1.1.None\"],\"options\":{}}]";
        HttpResponse<String> p = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BASE + "/tiles/"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(post)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        assertThat(JSON.readTree(p.body()).get(cool + ".2.1.1.None")).isEqualTo(tiles.get(cool + ".2.1.1.None"));
    }

    @Test
    void tilesCarryAnETagAndAnswer304() throws Exception {
        String q = BASE + "/tiles/?d=" + TilesetUid.of("sample.hic") + ".1.0.0";
        HttpResponse<String> r = get(q);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        assertThat(get(q, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(BASE + "/tiles/?d=" + TilesetUid.of("sample.mcool") + ".1.0.0").headers().firstValue("ETag"))
                .isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void badRequestsGetTheJsonErrorShape() throws Exception {
        String cool = TilesetUid.of("sample.mcool");
        HttpResponse<String> r = get(BASE + "/tiles/?d=" + cool + ".x.0.0");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_parameter");
        assertThat(get(BASE + "/tileset_info/?d=" + TilesetUid.of("nope.mcool")).statusCode()).isEqualTo(404);
        assertThat(get(BASE + "/tileset_info/?d=" + TilesetUid.of("../pom.xml")).statusCode()).isEqualTo(400);
        StringBuilder many = new StringBuilder(BASE + "/tiles/?");
        for (int i = 0; i <= TileService.MAX_TILES; i++) {
            many.append("d=").append(cool).append(".4.0.").append(i).append('&');
        }
        assertThat(get(many.toString()).statusCode()).isEqualTo(400);
        JsonNode unknown = json(BASE + "/tiles/?d=" + cool + ".1.0.0.KR");
        assertThat(unknown.get(cool + ".1.0.0.KR").get("error").asText()).contains("weight");
    }

    @Test
    void chromSizesAsTsvAndJson() throws Exception {
        String uid = TilesetUid.of("sample.hic");
        HttpResponse<String> tsv = get(BASE + "/chrom-sizes/?id=" + uid);
        assertThat(tsv.body()).isEqualTo("chr1\t12000000\nchr2\t9500000\nchr3\t6200003\nchrX\t4000000\n");
        JsonNode j = json(BASE + "/chrom-sizes/?id=" + uid + "&type=json&cum=1");
        assertThat(j.get("chr3").get("size").asLong()).isEqualTo(6200003);
        assertThat(j.get("chr3").get("offset").asLong()).isEqualTo(21500000);
        assertThat(new String(get(BASE + "/chrom-sizes/?id=" + TilesetUid.of("sample.mcool")).body()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(tsv.body());
    }
}
