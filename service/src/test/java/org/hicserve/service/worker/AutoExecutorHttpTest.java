package org.hicserve.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hicserve.service.web.HttpFixture.params;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.HicServeApplication;
import org.hicserve.service.web.HttpFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * executor=auto over HTTP, with a local worker: on the real files of ../shared/test-data (both formats) and the
 * bundled sample pair, every answer equals executor=threads and executor=processes; auto sends the queries whose
 * estimate (summed over their chromosomes) is above {@code hicserve.auto-processes-above} to the worker and the
 * others to threads, which the worker's task counter and {@code hicserve_executor_chosen_total} show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoExecutorHttpTest {
    static final long CROSSOVER = 50_000;

    @TempDir
    static Path dataDir;
    ConfigurableApplicationContext service;
    HttpFixture http;

    @BeforeAll
    void startServiceWithOneWorker() throws IOException {
        Files.copy(TestData.sample("sample.mcool"), dataDir.resolve("sample.mcool"));
        Files.copy(TestData.sample("sample.hic"), dataDir.resolve("sample.hic"));
        for (String f : SHARED) {
            Files.copy(TestData.shared(f), dataDir.resolve(f)); // a copy: links out of the data directory are refused
        }
        service = new SpringApplicationBuilder(HicServeApplication.class).run("--server.port=0",
                "--hicserve.data-dir=" + dataDir, "--hicserve.workers.local=1", "--hicserve.batch-rows=5000",
                "--hicserve.auto-processes-above=" + CROSSOVER);
        http = new HttpFixture(((ServletWebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    static final List<String> SHARED = List.of("cooler_dm6_100kb_1mb_weights.mcool", "juicer_v9_dm6_100kb_ice.hic",
            "juicer_v8_hg19_chr22only_9res.hic", "cooler_yeast_10kb_weight_v2.cool", "cooler_float_counts_2500kb.cool");

    /** file, resolution (null: the only one), chromosomes (null: all), normalization. */
    record Query(String file, Integer resolution, String chromosomes, String normalization) {
        Object[] params() {
            List<Object> p = new ArrayList<>(List.of("file", file));
            if (resolution != null) {
                p.addAll(List.of("resolution", resolution));
            }
            if (chromosomes != null) {
                p.addAll(List.of("chromosomes", chromosomes));
            }
            if (normalization != null) {
                p.addAll(List.of("normalization", normalization));
            }
            return p.toArray();
        }
    }

    static final List<Query> QUERIES = List.of(
            new Query("sample.mcool", 10000, null, null),
            new Query("sample.hic", 10000, null, "SCALE"),
            new Query("sample.mcool", 100000, "chrX", "weight"),
            new Query("sample.hic", 500000, null, null),
            new Query("cooler_dm6_100kb_1mb_weights.mcool", 100000, null, "KR"),
            new Query("cooler_dm6_100kb_1mb_weights.mcool", 100000, "chr4,chrX", null),
            new Query("juicer_v9_dm6_100kb_ice.hic", 100000, null, "ICE"),
            new Query("juicer_v9_dm6_100kb_ice.hic", 100000, "chr4", null),
            new Query("juicer_v8_hg19_chr22only_9res.hic", 10000, "22", "KR"),
            new Query("cooler_yeast_10kb_weight_v2.cool", null, null, "weight"),
            new Query("cooler_float_counts_2500kb.cool", null, null, null));

    private HttpFixture.ArrowAnswer cis(String executor, Object... extra) {
        Map<String, Object> p = params(extra);
        p.put("executor", executor);
        HttpResponse<byte[]> r = http.get("/api/v1/cis", p);
        assertThat(r.statusCode()).as(executor + " " + p + ": " + new String(r.body())).isEqualTo(200);
        return HttpFixture.readArrow(r.body());
    }

    /** The estimate auto decides by, from the reader directly: the sum over the query's chromosomes. */
    private static long estimate(Query q) {
        try (MatrixFile f = MatrixFiles.open(dataDir.resolve(q.file()), q.resolution() == null ? 0 : q.resolution())) {
            List<Chromosome> chromosomes = q.chromosomes() == null ? f.chromosomes().chromosomes()
                    : Arrays.stream(q.chromosomes().split(",")).map(f.chromosomes()::byName).toList();
            return chromosomes.stream().mapToLong(f::estimateCisPixels).sum();
        }
    }

    private double count(String meter, String... tags) {
        return service.getBean(MeterRegistry.class).find(meter).tags(tags).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void autoAnswersAsBothExecutorsAndSendsOnlyLargeQueriesToTheWorker() {
        int toProcesses = 0;
        int toThreads = 0;
        for (Query q : QUERIES) {
            long estimate = estimate(q);
            boolean large = estimate > CROSSOVER;
            String what = q + " estimated " + estimate;
            double workerTasks = count("hicserve.worker.tasks");
            double autoProcesses = count("hicserve.executor.chosen", "executor", "processes", "requested", "auto");
            double autoThreads = count("hicserve.executor.chosen", "executor", "threads", "requested", "auto");
            HttpFixture.ArrowAnswer auto = cis("auto", q.params());
            assertThat(count("hicserve.executor.chosen", "executor", "processes", "requested", "auto") - autoProcesses)
                    .as(what).isEqualTo(large ? 1 : 0);
            assertThat(count("hicserve.executor.chosen", "executor", "threads", "requested", "auto") - autoThreads)
                    .as(what).isEqualTo(large ? 0 : 1);
            // the worker ran the chromosomes of the large ones, and nothing of the small ones
            assertThat(count("hicserve.worker.tasks") > workerTasks).as(what).isEqualTo(large);
            HttpFixture.ArrowAnswer threads = cis("threads", q.params());
            HttpFixture.ArrowAnswer processes = cis("processes", q.params());
            assertThat(auto.pixels()).as(what).isNotEmpty().isEqualTo(threads.pixels()).isEqualTo(processes.pixels());
            assertThat(auto.rows()).as(what).isEqualTo(threads.rows());
            assertThat(auto.countType()).as(what).isEqualTo(threads.countType()).isEqualTo(processes.countType());
            if (large) {
                toProcesses++;
            } else {
                toThreads++;
            }
        }
        assertThat(toProcesses).as("queries auto sent to the worker").isGreaterThanOrEqualTo(4);
        assertThat(toThreads).as("queries auto kept on threads").isGreaterThanOrEqualTo(3);
        // oe is answered by threads only: auto keeps it there whatever its size
        double autoThreads = count("hicserve.executor.chosen", "executor", "threads", "requested", "auto");
        HttpFixture.ArrowAnswer oe = cis("auto", "file", "sample.hic", "resolution", 10000, "matrix_type", "oe");
        assertThat(oe.pixels()).isNotEmpty()
                .isEqualTo(cis("threads", "file", "sample.hic", "resolution", 10000, "matrix_type", "oe").pixels());
        assertThat(count("hicserve.executor.chosen", "executor", "threads", "requested", "auto")).isEqualTo(autoThreads + 1);

        // the metric as Prometheus exports it: every auto choice, and the explicit requests as asked
        String metrics = http.text("/actuator/prometheus");
        assertThat(exported(metrics, "processes", "auto")).isEqualTo(toProcesses);
        assertThat(exported(metrics, "threads", "auto")).isEqualTo(toThreads + 1);
        assertThat(exported(metrics, "threads", "threads")).isGreaterThanOrEqualTo(QUERIES.size() + 1);
        assertThat(exported(metrics, "processes", "processes")).isEqualTo(QUERIES.size());
    }

    private static double exported(String metrics, String executor, String requested) {
        Matcher m = Pattern.compile("(?m)^hicserve_executor_chosen_total\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("executor=\"" + executor + "\"") && m.group(1).contains("requested=\"" + requested + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
