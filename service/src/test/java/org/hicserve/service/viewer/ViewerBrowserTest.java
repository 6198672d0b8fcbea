package org.hicserve.service.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.web.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * The viewer page in a real browser: the jar (as the README starts it) serves {@code /view} for the sample .mcool
 * and .hic; Debian's headless chromium, driven by playwright-core ({@code service/src/test/node/viewer-shot.mjs}),
 * loads it with every script from the jar, waits until HiGlass has drawn, and screenshots the view into
 * {@code service/target/viewer/}. The heatmap must not be blank and every tile request must have answered 200.
 * Skipped when chromium, node, playwright-core or the jar are missing, unless HICSERVE_REQUIRE_SHARED_DATA=1.
 */
class ViewerBrowserTest {
    private static final String CHROMIUM = System.getProperty("hicserve.chromium", "/usr/bin/chromium");
    private static Process service;
    private static int port;
    private static Path out;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path root = TestData.repoRoot();
        Path jar = root.resolve("service/target/hicserve.jar");
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.exists(jar)) {
            String why = !Files.isExecutable(Path.of(CHROMIUM)) ? CHROMIUM + " missing (Debian package chromium)"
                    : jar + " missing (built by mvn package; .ci/run builds it before the tests)";
            if (TestData.sharedRequired()) {
                fail("HICSERVE_REQUIRE_SHARED_DATA is set but " + why);
            }
            Assumptions.abort(why);
        }
        TestNode.require("playwright-core");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        out = root.resolve("service/target/viewer");
        Files.createDirectories(out);
        service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.resolve("service.log").toFile()).start();
        awaitHealthy();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void theRootPageAndItsScriptsComeFromTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/", "/view?file=sample.mcool", "/juicebox?file=sample.hic")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(r.body());
            while (m.find()) {
                String ref = m.group(1);
                if (ref.startsWith("data:")) {
                    continue;
                }
                assertThat(ref).as("%s loads nothing from another host", page).startsWith("/");
                HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(URI.create(base() + ref)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(asset.statusCode()).as(ref).isEqualTo(200);
            }
        }
    }

    @Test
    void theMcoolHeatmapIsDrawn() throws Exception {
        assertDrawn("sample.mcool");
    }

    @Test
    void theHicHeatmapIsDrawn() throws Exception {
        assertDrawn("sample.hic");
    }

    private static void assertDrawn(String file) throws Exception {
        Path shot = out.resolve("view-" + file.replace('.', '-') + ".png");
        Files.deleteIfExists(shot);
        Path profile = Files.createTempDirectory("chromium-profile");
        Process p = new ProcessBuilder("node", "viewer-shot.mjs", base() + "/view?file=" + file, shot.toString(),
                profile.toString(), CHROMIUM).directory(TestNode.dir().toFile()).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(report).isZero();
        String last = report.strip().lines().reduce((a, b) -> b).orElse("{}");
        JsonNode r = new ObjectMapper().readTree(last);
        assertThat(r.has("failure")).as(report).isFalse();
        assertThat(r.get("view").asText()).as(report).isEqualTo("ok");
        assertThat(r.get("errors")).as("page errors: %s", report).isEmpty();
        assertThat(r.get("tiles").size()).as("tile requests").isPositive();
        r.get("tiles").forEach(s -> assertThat(s.asInt()).as("every tile request answered: %s", report).isEqualTo(200));
        assertThat(r.get("tileIds").asInt()).as("tile ids asked for").isGreaterThanOrEqualTo(r.get("tiles").size());

        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isGreaterThan(400);
        // the heatmap area: inside the chromosome-label tracks (30 px) on the top and left
        int colored = 0;
        int total = 0;
        Set<Integer> colors = new HashSet<>();
        for (int y = 40; y < img.getHeight() - 10; y += 2) {
            for (int x = 40; x < img.getWidth() - 10; x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                total++;
                // the color map runs white -> orange -> red -> black: blue falls first
                if (blue < 200 && red + green + blue < 700) {
                    colored++;
                }
                colors.add(rgb);
            }
        }
        double fraction = (double) colored / total;
        assertThat(fraction).as("share of the heatmap area painted (%s)", shot).isGreaterThan(0.10);
        assertThat(colors.size()).as("distinct colours in the heatmap (%s)", shot).isGreaterThan(50);
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within 180 s");
    }
}
