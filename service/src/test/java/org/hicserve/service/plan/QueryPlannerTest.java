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
}
