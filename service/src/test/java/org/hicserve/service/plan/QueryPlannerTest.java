package org.hicserve.service.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.testing.TestData;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.error.ServiceException;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.files.DataDirectory;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.format.OutputFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every rule of the plan builder, below HTTP, on the bundled sample pair. */
class QueryPlannerTest {
    private static final ReaderHandles HANDLES = new ReaderHandles();
    private static final DataDirectory DATA = new DataDirectory(TestData.sample("sample.mcool").getParent());

    static HicServeProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hicserve", HicServeProperties.class);
    }

    static QueryPlanner planner(Map<String, String> settings, boolean workers) {
        return new QueryPlanner(DATA, new MetadataCache(8), HANDLES, properties(settings), workers, null);
    }

    private static final QueryPlanner PLANNER = planner(Map.of(), false);

    static PixelsCall pixels(String file, Integer resolution, String range1, String normalization, OutputFormat format) {
        return new PixelsCall(file, resolution, null, new PixelRequest(range1, null, normalization, false,
                QuerySpan.UPPER_TRIANGLE, 0, format));
    }

    static CisCall cis(String file, String normalization, List<String> chromosomes, String executor, OutputFormat format) {
        return new CisCall(file, 100000, null, chromosomes, normalization, false, executor, format);
    }

    @Test
    void aPixelsPlanHasOneTaskAndTheResolvedNormalization() {
        QueryPlan plan = PLANNER.pixels(pixels("sample.hic", 100000, "chr2:0-5,000,000", "vc", OutputFormat.ARROW), Access.ALL);
        assertThat(plan.tasks()).containsExactly(new PixelTask("chr2:0-5,000,000", null, QuerySpan.UPPER_TRIANGLE, 0));
        assertThat(plan.normalization().name()).isEqualTo("VC");
        assertThat(plan.normalization().divisive()).isTrue();
        assertThat(plan.table().metadata()).containsEntry("hicserve.normalization", "VC");
        assertThat(plan.table().countType()).isEqualTo(CountType.FLOAT64);
        assertThat(plan.executor()).isEqualTo(Executor.THREADS);
        assertThat(plan.resolution()).isEqualTo(100000);
    }

    @Test
    void oneNormalizationRuleForBothEndpointsAndBothFormats() {
        for (String[] fileAndNames : new String[][] {{"sample.hic", "VC", "vc", "Vc", "VC"}, {"sample.mcool", "weight", "WEIGHT", "Weight", "weight"}}) {
            String file = fileAndNames[0];
            for (int i = 1; i < fileAndNames.length; i++) {
                String asked = fileAndNames[i];
                QueryPlan p = PLANNER.pixels(pixels(file, 100000, "chr1", asked, OutputFormat.ARROW), Access.ALL);
                QueryPlan c = PLANNER.cis(cis(file, asked, List.of(), null, OutputFormat.ARROW), Access.ALL);
                assertThat(p.normalization()).as(file + " " + asked).isEqualTo(c.normalization());
                assertThat(p.normalization().name()).isEqualTo(fileAndNames[1]);
            }
            for (String none : new String[] {null, "", "none", "NONE", "None"}) {
                assertThat(PLANNER.pixels(pixels(file, 100000, "chr1", none, OutputFormat.ARROW), Access.ALL).normalization().isNone()).isTrue();
                assertThat(PLANNER.cis(cis(file, none, List.of(), null, OutputFormat.ARROW), Access.ALL).normalization().isNone()).isTrue();
            }
            assertThatThrownBy(() -> PLANNER.cis(cis(file, "KRX", List.of(), null, OutputFormat.ARROW), Access.ALL))
                    .isInstanceOf(UnknownNameException.class).hasMessageContaining("KRX").hasMessageContaining("available");
            assertThatThrownBy(() -> PLANNER.pixels(pixels(file, 100000, "chr1", "KRX", OutputFormat.ARROW), Access.ALL))
                    .isInstanceOf(UnknownNameException.class).hasMessageContaining("KRX");
        }
        assertThat(PLANNER.pixels(pixels("sample.mcool", 100000, "chr1", null, OutputFormat.ARROW), Access.ALL).table().countType())
                .isEqualTo(CountType.INT32);
    }

    @Test
    void aCisPlanHasOneTaskPerChromosomeInFileOrder() {
        QueryPlan all = PLANNER.cis(cis("sample.mcool", null, List.of(), null, OutputFormat.TSV), Access.ALL);
        assertThat(all.tasks()).hasSizeGreaterThan(1).allMatch(t -> t.equals(PixelTask.cis(t.range1())));
        List<String> order = all.tasks().stream().map(PixelTask::range1).toList();
        QueryPlan some = PLANNER.cis(cis("sample.mcool", null, List.of(order.get(2), order.get(0), order.get(2)), null,
                OutputFormat.TSV), Access.ALL);
        assertThat(some.tasks()).containsExactly(PixelTask.cis(order.get(0)), PixelTask.cis(order.get(2)));
        assertThatThrownBy(() -> PLANNER.cis(cis("sample.mcool", null, List.of("chrNope"), null, OutputFormat.TSV), Access.ALL))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining(order.get(0));
    }

    @Test
    void resolutionsMustBePositiveAndStored() {
        for (int bad : new int[] {0, -1}) {
            assertThatThrownBy(() -> PLANNER.pixels(pixels("sample.mcool", bad, "chr1", null, OutputFormat.ARROW), Access.ALL))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.BAD_REQUEST))
                    .hasMessageContaining("positive").hasMessageContaining("100000");
        }
        assertThatThrownBy(() -> PLANNER.pixels(pixels("sample.mcool", 12345, "chr1", null, OutputFormat.ARROW), Access.ALL))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("100000");
    }

    @Test
    void filesAndRegionsAreChecked() {
        assertThatThrownBy(() -> PLANNER.pixels(pixels("nope.mcool", 100000, "chr1", null, OutputFormat.ARROW), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND))
                .hasMessageContaining("sample.mcool");
        assertThatThrownBy(() -> PLANNER.pixels(pixels("sample.mcool", 100000, "chr1", null, OutputFormat.ARROW), Access.NONE))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> PLANNER.pixels(pixels("sample.mcool", 100000, null, null, OutputFormat.ARROW), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("missing_parameter"));
        assertThatThrownBy(() -> PLANNER.pixels(pixels("sample.mcool", 100000, "chr1:5-1", null, OutputFormat.ARROW), Access.ALL))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void limitsAreCheckedBeforeAnythingIsRead() {
        QueryPlanner small = planner(Map.of("hicserve.max-query-bins", "10", "hicserve.dense-max-cells", "100"), false);
        assertThatThrownBy(() -> small.pixels(pixels("sample.mcool", 100000, "chr1", null, OutputFormat.ARROW), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.TOO_LARGE))
                .hasMessageContaining("max-query-bins");
        QueryPlanner smallDense = planner(Map.of("hicserve.dense-max-cells", "100"), false);
        assertThatThrownBy(() -> smallDense.pixels(pixels("sample.mcool", 100000, "chr1:0-2,000,000", null, OutputFormat.NPY), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.TOO_LARGE))
                .hasMessageContaining("npy");
        QueryPlan dense = PLANNER.pixels(pixels("sample.mcool", 100000, "chr1:0-1,000,000", null, OutputFormat.NPY), Access.ALL);
        assertThat(dense.tasks().get(0).span()).isEqualTo(QuerySpan.FULL);
        assertThat(dense.denseRegion().orElseThrow().cells()).isEqualTo(100);
    }

    @Test
    void executorsAndFormatsOfCis() {
        assertThatThrownBy(() -> PLANNER.cis(cis("sample.mcool", null, List.of(), "processes", OutputFormat.ARROW), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("unsupported_executor"));
        assertThatThrownBy(() -> PLANNER.cis(cis("sample.mcool", null, List.of(), "gpu", OutputFormat.ARROW), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.BAD_REQUEST))
                .hasMessageContaining("gpu");
        assertThatThrownBy(() -> PLANNER.cis(cis("sample.mcool", null, List.of(), null, OutputFormat.PNG), Access.ALL))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.BAD_REQUEST));
        assertThat(planner(Map.of(), true).cis(cis("sample.mcool", null, List.of(), "processes", OutputFormat.ARROW), Access.ALL)
                .executor()).isEqualTo(Executor.PROCESSES);
    }

    /** A planner counting in {@code registry}, with the given crossover and workers or none. */
    private static QueryPlanner autoPlanner(long above, boolean workers, io.micrometer.core.instrument.MeterRegistry registry) {
        return new QueryPlanner(DATA, new MetadataCache(8), HANDLES,
                properties(Map.of("hicserve.auto-processes-above", Long.toString(above))), workers, null, registry);
    }

    private static double chosen(io.micrometer.core.instrument.MeterRegistry registry, String executor, String requested) {
        var counter = registry.find("hicserve.executor.chosen").tags("executor", executor, "requested", requested).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * executor=auto on the sample pair at 100 kb: the whole genome is estimated at 14,655 pixels (.mcool) and 12,300
     * (.hic), chrX alone at a few hundred; a crossover of 10,000 sends the first to processes, the second to threads.
     */
    @Test
    void autoSendsLargeQueriesToProcessesAndSmallOnesToThreads() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        QueryPlanner auto = autoPlanner(10_000, true, registry);
        for (String file : List.of("sample.mcool", "sample.hic")) {
            QueryPlan genome = auto.cis(cis(file, null, List.of(), "auto", OutputFormat.ARROW), Access.ALL);
            assertThat(genome.executor()).as(file).isEqualTo(Executor.PROCESSES);
            assertThat(genome.description()).contains("executor=processes (auto: estimated ").contains(" > 10000)");
            QueryPlan small = auto.cis(cis(file, null, List.of("chrX"), "AUTO", OutputFormat.ARROW), Access.ALL);
            assertThat(small.executor()).as(file).isEqualTo(Executor.THREADS);
            assertThat(small.description()).contains("executor=threads (auto: estimated ").contains(" <= 10000)");
            // the same plans whatever runs them: tasks, table and normalization
            assertThat(genome.tasks()).isEqualTo(PLANNER.cis(cis(file, null, List.of(), "threads", OutputFormat.ARROW),
                    Access.ALL).tasks());
        }
        assertThat(chosen(registry, "processes", "auto")).isEqualTo(2);
        assertThat(chosen(registry, "threads", "auto")).isEqualTo(2);
        // a crossover above the whole genome keeps it on threads
        QueryPlanner high = autoPlanner(20_000, true, registry);
        assertThat(high.cis(cis("sample.mcool", null, List.of(), "auto", OutputFormat.ARROW), Access.ALL).executor())
                .isEqualTo(Executor.THREADS);
        // explicit executors are counted as asked
        autoPlanner(10_000, true, registry).cis(cis("sample.mcool", null, List.of("chrX"), "processes", OutputFormat.ARROW), Access.ALL);
        assertThat(chosen(registry, "processes", "processes")).isEqualTo(1);
        assertThat(chosen(registry, "threads", "auto")).isEqualTo(3);
    }

    @Test
    void autoWithoutWorkersIsThreadsWhateverTheSize() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        QueryPlan plan = autoPlanner(0, false, registry).cis(cis("sample.mcool", null, List.of(), "auto", OutputFormat.ARROW),
                Access.ALL);
        assertThat(plan.executor()).isEqualTo(Executor.THREADS);
        assertThat(plan.description()).contains("executor=threads (auto: no worker processes)");
        assertThat(chosen(registry, "threads", "auto")).isEqualTo(1);
        // and auto as the default setting
        QueryPlanner byDefault = new QueryPlanner(DATA, new MetadataCache(8), HANDLES, properties(Map.of(
                "hicserve.executor", "auto", "hicserve.auto-processes-above", "0")), true, null, registry);
        assertThat(byDefault.cis(cis("sample.hic", null, List.of(), null, OutputFormat.ARROW), Access.ALL).executor())
                .isEqualTo(Executor.PROCESSES);
    }

    /** Processes answer neither matrix types nor count types, nor remote files: auto never sends those there. */
    @Test
    void autoNeverPicksProcessesForWhatProcessesDoNotAnswer() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        QueryPlanner auto = autoPlanner(0, true, registry);
        CisCall call = cis("sample.mcool", null, List.of(), "auto", OutputFormat.ARROW);
        assertThat(auto.cis(call, Access.ALL).executor()).isEqualTo(Executor.PROCESSES); // crossover 0: anything goes
        assertThat(auto.cis(call, Access.ALL, org.hicserve.reader.model.MatrixType.OBSERVED, CountType.FLOAT64).executor())
                .isEqualTo(Executor.THREADS);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(1);
        try {
            HicServeProperties settings = properties(Map.of("hicserve.auto-processes-above", "0"));
            MetadataCache cache = new MetadataCache(8);
            QueryPlanner withExpected = new QueryPlanner(DATA, cache, HANDLES, settings, true,
                    new org.hicserve.service.expected.ExpectedService(DATA, cache, HANDLES, pool, settings), registry);
            QueryPlan oe = withExpected.cis(cis("sample.hic", null, List.of(), "auto", OutputFormat.ARROW), Access.ALL,
                    org.hicserve.reader.model.MatrixType.OE, null);
            assertThat(oe.executor()).isEqualTo(Executor.THREADS);
            assertThat(oe.description()).contains("auto: matrix_type and count_type are answered by threads");
        } finally {
            pool.shutdownNow();
        }
        // a file that is not on this machine's disk (as an s3:// or https:// source gives it)
        org.hicserve.service.files.DataSource remote = new org.hicserve.service.files.DataSource() {
            @Override
            public String describe() {
                return "test://remote/";
            }

            @Override
            public List<org.hicserve.service.files.FileRef> files() {
                return DATA.files().stream().map(this::remote).toList();
            }

            @Override
            public org.hicserve.service.files.FileRef file(String name, Access access) {
                return remote(DATA.file(name, access));
            }

            private org.hicserve.service.files.FileRef remote(org.hicserve.service.files.FileRef f) {
                return new org.hicserve.service.files.FileRef(f.name(), f.format(), f.sizeBytes(), "test://remote/" + f.name(),
                        f.version(), null, f.opener());
            }
        };
        QueryPlanner remotePlanner = new QueryPlanner(remote, new MetadataCache(8), HANDLES,
                properties(Map.of("hicserve.auto-processes-above", "0")), true, null, registry);
        QueryPlan r = remotePlanner.cis(call, Access.ALL);
        assertThat(r.executor()).isEqualTo(Executor.THREADS);
        assertThat(r.description()).contains("auto: a remote file");
        assertThatThrownBy(() -> remotePlanner.cis(cis("sample.mcool", null, List.of(), "processes", OutputFormat.ARROW),
                Access.ALL)).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("unsupported_executor"));
        assertThatThrownBy(() -> PLANNER.cis(cis("sample.mcool", null, List.of(), "gpu", OutputFormat.ARROW), Access.ALL))
                .hasMessageContaining("'auto'");
    }
}
