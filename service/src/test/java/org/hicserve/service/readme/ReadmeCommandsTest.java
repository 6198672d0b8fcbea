package org.hicserve.service.readme;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands, as written: the start command's {@code java -jar} (on the jar the first half of that
 * command builds; {@code .ci/run} builds it first, elsewhere the test is skipped when it is missing), then every
 * curl line of the notebook section against it, from a scratch folder.
 */
class ReadmeCommandsTest {
    private static final String START_PREFIX = "mvn -B -q package -DskipTests && ";

    @TempDir
    Path scratch;

    @Test
    void theReadmeStartCommandServesTheSampleAndEveryCurlExampleWorks() throws Exception {
        Path root = TestData.repoRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        String start = readme.stream().map(String::strip).filter(l -> l.startsWith(START_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("README has no start command beginning with " + START_PREFIX));
        String run = start.substring(START_PREFIX.length());
        assertThat(run).isEqualTo("java -Xmx256m -jar service/target/hicserve.jar");
        assertThat(readme.stream().map(String::strip)).contains("mvn -B test");
        assertThat(Files.readString(root.resolve(".ci/run"))).contains("\nmvn -B test\n");

        Path jar = root.resolve("service/target/hicserve.jar");
        if (!Files.exists(jar)) {
            if (TestData.sharedRequired()) {
                throw new AssertionError(jar + " missing: .ci/run builds it before the tests");
            }
            Assumptions.abort("no " + jar + " (built by the README's start command / .ci/run)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(Arrays.asList(run.split(" ")));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--server.port=" + port);
        Process service = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("service.log").toFile()).start();
        try {
            awaitHealthy(port, service);
            List<String> curls = curlLines(readme);
            assertThat(curls).hasSizeGreaterThanOrEqualTo(10);
            for (String curl : curls) {
                String line = curl.replace("localhost:8080", "localhost:" + port);
                Process p = new ProcessBuilder("bash", "-c", line).directory(scratch.toFile()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(curl + "\n" + out).isZero();
                if (!line.contains(" -o ")) {
                    assertThat(out).as(curl).isNotBlank();
                }
            }
            assertThat(Files.readString(scratch.resolve("cis.tsv")).lines().findFirst()).hasValue("bin1_id\tbin2_id\tcount");
            byte[] npy = Files.readAllBytes(scratch.resolve("region.npy"));
            assertThat(new String(npy, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
            byte[] png = Files.readAllBytes(scratch.resolve("region.png"));
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            for (String arrow : List.of("chr1.arrow", "cis.arrow")) {
                byte[] a = Files.readAllBytes(scratch.resolve(arrow));
                assertThat(Arrays.copyOfRange(a, a.length - 8, a.length)).as(arrow + " ends with the end-of-stream marker")
                        .isEqualTo(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
            }
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static List<String> curlLines(List<String> readme) {
        int from = readme.indexOf("<!-- readme-commands:start -->");
        int to = readme.indexOf("<!-- readme-commands:end -->");
        assertThat(from).isNotNegative();
        return readme.subList(from, to).stream().map(String::strip).filter(l -> l.startsWith("curl ")).toList();
    }

    private static void awaitHealthy(int port, Process service) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited with " + service.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within 120 s");
    }
}
