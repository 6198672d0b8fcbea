package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hicserve.reader.model.Pixel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** format=npy (a dense matrix NumPy loads) and format=png (a heatmap), decoded and checked against the pixels. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hicserve.dense-max-cells=250000", "hicserve.png-max-cells=40000"})
class DenseFormatsHttpTest {
    @LocalServerPort
    int port;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    /** A decoded .npy: shape from the header, values little-endian float64 in C order. */
    record Npy(int rows, int cols, double[] values) {
        double get(int r, int c) {
            return values[r * cols + c];
        }
    }

    static Npy decodeNpy(byte[] body) {
        assertThat(body[0]).isEqualTo((byte) 0x93);
        assertThat(new String(body, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(body[6]).isEqualTo((byte) 1);
        int headerLen = ByteBuffer.wrap(body, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        assertThat((10 + headerLen) % 64).as("header padded to 64 bytes").isZero();
        String header = new String(body, 10, headerLen, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f8'", "'fortran_order': False").endsWith("\n");
        Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(header);
        assertThat(m.find()).isTrue();
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        assertThat(body.length - 10 - headerLen).isEqualTo(rows * cols * 8);
        double[] v = new double[rows * cols];
        ByteBuffer.wrap(body, 10 + headerLen, rows * cols * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return new Npy(rows, cols, v);
    }

    @Test
    void npyOfACisRegionIsTheSymmetricMatrixOfItsPixels() {
        var q = params("file", "sample.mcool", "resolution", 50000, "range1", "chr2:1,234,567-3,456,789",
                "normalization", "weight");
        HttpFixture.ArrowAnswer upper = HttpFixture.readArrow(http.get("/api/v1/pixels", q).body());
        q.put("format", "npy");
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", q);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-npy");
        Npy m = decodeNpy(r.body());
        // bins overlapping 1,234,567-3,456,789 at 50 kb: 24 .. 69 inclusive
        assertThat(m.rows()).isEqualTo(46);
        assertThat(m.cols()).isEqualTo(46);
        long first = upper.pixels().stream().mapToLong(Pixel::bin1).min().orElseThrow();
        int nonZero = 0;
        for (Pixel p : upper.pixels()) {
            int i = (int) (p.bin1() - first);
            int j = (int) (p.bin2() - first);
            assertThat(m.get(i, j)).isEqualTo(p.count());
            assertThat(m.get(j, i)).isEqualTo(p.count());
        }
        for (double v : m.values()) {
            nonZero += v != 0 ? 1 : 0;
        }
        long offDiagonal = upper.pixels().stream().filter(p -> p.bin1() != p.bin2()).count();
        assertThat(nonZero).isEqualTo(upper.pixels().size() + offDiagonal);
    }

    @Test
    void npyOfATransRegionKeepsRange1AsRows() {
        var q = params("file", "sample.hic", "resolution", 500000, "range1", "chrX", "range2", "chr1", "format", "npy");
        Npy m = decodeNpy(http.get("/api/v1/pixels", q).body());
        assertThat(m.rows()).isEqualTo(8);  // chrX: 4 Mb
        assertThat(m.cols()).isEqualTo(24); // chr1: 12 Mb
        q.remove("format");
        HttpFixture.ArrowAnswer pixels = HttpFixture.readArrow(http.get("/api/v1/pixels", q).body());
        double sum = 0;
        for (double v : m.values()) {
            sum += v;
        }
        assertThat(sum).isEqualTo(pixels.sum());
    }

    @Test
    void pngIsAHeatmapOfTheRegion() throws IOException {
        HttpResponse<byte[]> r = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 100000,
                "range1", "chr1", "format", "png"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        // chr1 at 100 kb: 120 bins, drawn 6 px per bin
        assertThat(image.getWidth()).isEqualTo(120 * 6);
        assertThat(image.getHeight()).isEqualTo(120 * 6);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).hasSizeGreaterThan(20).contains(0xffffff);
        // the diagonal is the hottest part of a Hi-C map: darker than the far corner
        int diagonal = image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff;
        assertThat(diagonal).isNotEqualTo(0xffffff);
    }

    @Test
    void tooLargeRegionsAre413BeforeAnyPixelIsRead() {
        HttpResponse<byte[]> npy = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 5000,
                "range1", "chr1", "format", "npy"));
        assertThat(npy.statusCode()).isEqualTo(413);
        assertThat(new String(npy.body(), StandardCharsets.UTF_8)).contains("too_large", "2400 x 2400");
        HttpResponse<byte[]> png = http.get("/api/v1/pixels", params("file", "sample.mcool", "resolution", 50000,
                "range1", "chr1", "format", "png"));
        assertThat(png.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> cis = http.get("/api/v1/cis", params("file", "sample.mcool", "resolution", 50000, "format", "npy"));
        assertThat(cis.statusCode()).isEqualTo(400);
    }
}
