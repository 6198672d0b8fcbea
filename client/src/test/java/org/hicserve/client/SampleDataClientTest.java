package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the real service over the bundled sample: every REFERENCE.csv row through every result form
 * (Arrow batches, Pixel records, COO arrays), dense matrices, joined records, cis, files and describe.
 */
class SampleDataClientTest {
    @RegisterExtension
    static final RunningService service = RunningService.over(() -> TestData.sample("sample.mcool").getParent());

    static Stream<Arguments> referenceRows() {
        return TestData.csv(TestData.sample("REFERENCE.csv")).stream().filter(r -> r[0].startsWith("sample."))
                .map(r -> Arguments.of(r[0], Integer.parseInt(r[1]), r[2], r[3], r[4], Long.parseLong(r[5]),
                        Double.parseDouble(r[6])));
    }

    static Query query(String file, int resolution, String range1, String range2, String normalization) {
        return Query.of(file).resolution(resolution).range1(range1).range2(range2).normalization(normalization);
    }

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @MethodSource("referenceRows")
    void everyResultFormMatchesTheReference(String file, int resolution, String range1, String range2,
            String normalization, long pixels, double sum) {
        Query q = query(file, resolution, range1, range2, normalization);
        Answers.Tally batches = Answers.viaBatches(service.client(), q);
        Answers.Tally records = Answers.viaPixels(service.client(), q);
        Answers.Tally coo = Answers.viaCoo(service.client(), q);
        for (Answers.Tally t : List.of(batches, records, coo)) {
            Answers.assertMatches(t, pixels, sum, normalization);
            if (range1.equals(range2)) {
                assertThat(t.upperOnly()).as("a cis answer is the upper triangle").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @CsvSource({
        "sample.mcool, 5000, chr2:1234567-3456789, chr2:1234567-3456789, NONE, 14071, 40391",
        "sample.mcool, 5000, chr2:1234567-3456789, chr2:1234567-3456789, weight, 14071, 252.53658085823162",
        "sample.hic, 5000, chr2:1234567-3456789, chr2:1234567-3456789, VC, 14071, 37960.63775096192",
        "sample.hic, 5000, chr3:5987654-6200003, chr3:5987654-6200003, SCALE, 637, 3270.036282544797",
        "sample.mcool, 100000, chr3, chr3, NONE, 1950, 128737",
        "sample.hic, 100000, chr1, chr1, NONE, 7191, 249204"})
    void denseCisFillsBothTrianglesAndItsUpperTriangleIsTheReference(String file, int resolution, String range1,
            String range2, String normalization, long pixels, double sum) {
        Query q = query(file, resolution, range1, range2, normalization);
        double[][] m = service.client().dense(q.join(true)); // join is ignored for a dense answer
        int bins = expectedBins(file, resolution, range1);
        assertThat(m).hasNumberOfRows(bins);
        assertThat(m[0]).hasSize(bins);
        for (int i = 0; i < bins; i++) {
            for (int j = 0; j < i; j++) {
                // the service's mirror of a normalized pixel may differ in the last bit (w2 * w1 vs w1 * w2)
                assertThat(m[i][j]).as("symmetric at %d,%d", i, j).isCloseTo(m[j][i], within(Math.abs(m[j][i]) * 1e-14));
            }
        }
        assertThat(Answers.nonZero(m, true)).isEqualTo(pixels);
        assertThat(Answers.upperTriangleSum(m)).isCloseTo(sum,
                within(normalization.equals("NONE") ? 0 : Math.abs(sum) * 1e-9));
    }

    @ParameterizedTest(name = "{0}@{1} {2} x {3} {4}")
    @CsvSource({
        "sample.mcool, 5000, chrX:1000001-2500000, chr1:4321000-7654321, NONE, 584, 585",
        "sample.mcool, 5000, chrX:1000001-2500000, chr1:4321000-7654321, weight, 584, 4.06407727075822",
        "sample.hic, 5000, chr3:100-2000000, chr2:7777777-9500000, VC, 426, 436.1854443395109",
        "sample.mcool, 100000, chr3:100-2000000, chr2:7777777-9500000, NONE, 261, 447",
        "sample.hic, 100000, chrX, chr1, NONE, 3323, 5677"})
    void denseTransIsTheReferenceRectangle(String file, int resolution, String range1, String range2,
            String normalization, long pixels, double sum) {
        Query q = query(file, resolution, range1, range2, normalization);
        double[][] m = service.client().dense(q);
        assertThat(m).hasNumberOfRows(expectedBins(file, resolution, range1));
        assertThat(m[0]).hasSize(expectedBins(file, resolution, range2));
        assertThat(Answers.nonZero(m, false)).isEqualTo(pixels);
        assertThat(Answers.sum(m)).isCloseTo(sum, within(normalization.equals("NONE") ? 0 : Math.abs(sum) * 1e-9));
    }

    /** Bins of a region computed here from the region text and describe's chromosome length. */
    private static int expectedBins(String file, int resolution, String region) {
        Description d = service.client().describe(file);
        String[] parts = region.split(":");
        long length = d.chromosome(parts[0]).orElseThrow().length();
        long start = 0;
        long end = length;
        if (parts.length == 2) {
            start = Long.parseLong(parts[1].split("-")[0]);
            end = Long.parseLong(parts[1].split("-")[1]);
        }
        return (int) (Math.min((end + resolution - 1) / resolution, (length + resolution - 1) / resolution) - start / resolution);
    }

    @Test
    void denseIsRefusedPastTheCellLimit() {
        Query q = Query.of("sample.mcool").resolution(5000).range1("chr1");
        assertThatThrownBy(() -> service.client().dense(q, 1_000_000)).isInstanceOfSatisfying(MatrixTooLargeException.class, e -> {
            assertThat(e.rows()).isEqualTo(e.columns()).isGreaterThan(1000);
            assertThat(e.maxCells()).isEqualTo(1_000_000);
            assertThat(e.getMessage()).contains("1000000");
        });
        try (HicClient small = HicClient.builder().baseUrl(service.baseUrl()).maxDenseCells(100).build()) {
            assertThatThrownBy(() -> small.dense(q.range1("chr1:0-100,000"))).isInstanceOf(MatrixTooLargeException.class);
            assertThat(small.dense(q.range1("chr1:0-50,000"))).hasNumberOfRows(10);
        }
    }

    @Test
    void denseOfAnUnknownChromosomeIsTheServicesError() {
        assertThatThrownBy(() -> service.client().dense(Query.of("sample.mcool").resolution(5000).range1("chrZ")))
                .isInstanceOfSatisfying(HicServeHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("unknown_chromosome");
                });
    }

    @Test
    void joinedRecordsCarryCoordinates() {
        Query q = query("sample.mcool", 5000, "chrX:1000001-2500000", "chr1:4321000-7654321", "NONE");
        List<JoinedPixel> first = new ArrayList<>();
        Answers.Tally t = Answers.viaJoined(service.client(), q, first);
        Answers.assertMatches(t, 584, 585, "NONE");
        assertThat(first).isNotEmpty().allSatisfy(p -> {
            assertThat(p.chrom1()).isEqualTo("chrX");
            assertThat(p.chrom2()).isEqualTo("chr1");
            assertThat(p.end1() - p.start1()).isEqualTo(5000);
            assertThat(p.start1()).isBetween(1_000_000, 2_500_000);
            assertThat(p.start2()).isBetween(4_320_000, 7_654_321);
        });
        try (PixelStream s = service.client().pixels(q.join(true))) {
            assertThat(s.joined()).isTrue();
            assertThat(s.floatCounts()).isFalse();
            assertThat(s.metadata()).containsEntry("hicserve.file", "sample.mcool");
            assertThat(s.nextBatch()).isTrue();
            assertThat(s.chromosomeNames()).contains("chr1", "chr2", "chr3", "chrX");
            assertThatThrownBy(s::pixels).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void cisStreamsTheChosenChromosomesInFileOrder() {
        CisQuery q = CisQuery.of("sample.mcool").resolution(5000).chromosomes("chr3", "chr1");
        for (Answers.Tally t : List.of(Answers.viaBatches(service.client(), q), Answers.viaPixels(service.client(), q), Answers.viaCoo(service.client(), q))) {
            Answers.assertMatches(t, 113300 + 53076, 249204 + 128737, "NONE");
            assertThat(t.upperOnly()).isTrue();
        }
        CooMatrix m = service.client().coo(q);
        for (int i = 1; i < m.size(); i++) {
            assertThat(m.bin1()[i]).isGreaterThanOrEqualTo(m.bin1()[i - 1]); // chr1 first, then chr3
        }
        CisQuery weighted = CisQuery.of("sample.mcool").resolution(5000).chromosomes("chr1", "chr3").normalization("weight");
        Answers.assertMatches(Answers.viaCoo(service.client(), weighted), 113264 + 53006, 1601.7644700887636 + 826.1222649250413, "weight");
        List<JoinedPixel> first = new ArrayList<>();
        Answers.assertMatches(Answers.viaJoined(service.client(), CisQuery.of("sample.hic").resolution(100000).chromosomes("chr3"),
                first), 1950, 128737, "NONE");
        assertThat(first).allMatch(p -> p.chrom1().equals("chr3") && p.chrom2().equals("chr3") && p.start1() <= p.start2());
    }

    @Test
    void filesAndDescribeAreTypedRecords() throws Exception {
        List<FileInfo> files = service.client().files();
        assertThat(files).extracting(FileInfo::name).contains("sample.mcool", "sample.hic");
        assertThat(files).filteredOn(f -> f.name().equals("sample.mcool")).singleElement().satisfies(f -> {
            assertThat(f.format()).isEqualTo("mcool");
            assertThat(f.sizeBytes()).isEqualTo(Files.size(TestData.sample("sample.mcool")));
        });
        Description mcool = service.client().describe("sample.mcool");
        assertThat(mcool.name()).isEqualTo("sample.mcool");
        assertThat(mcool.format()).isEqualTo("mcool");
        assertThat(mcool.resolutions()).contains(5000, 100000).isSorted();
        assertThat(mcool.chromosomes()).extracting(Chromosome::name).contains("chr1", "chr2", "chr3", "chrX");
        assertThat(mcool.chromosomes()).allMatch(c -> c.length() > 0);
        assertThat(mcool.normalizations()).contains("NONE", "weight");
        assertThat(mcool.normalizationsByResolution()).containsKeys(5000, 100000);
        assertThat(mcool.normalizationsByResolution().get(5000)).contains("weight");
        Description hic = service.client().describe("sample.hic");
        assertThat(hic.format()).isEqualTo("hic");
        assertThat(hic.formatVersion()).isNotBlank();
        assertThat(hic.normalizations()).contains("NONE", "VC", "VC_SQRT", "SCALE");
        assertThat(hic.chromosomes()).extracting(Chromosome::name).doesNotContain("All", "ALL");
        assertThat(hic.chromosomes()).isEqualTo(mcool.chromosomes());
    }

    @Test
    void aStreamClosedEarlyReleasesItsMemoryAndTheClientGoesOn() {
        for (int i = 0; i < 3; i++) {
            try (PixelStream s = service.client().cis(CisQuery.of("sample.mcool").resolution(5000))) {
                assertThat(s.nextBatch()).isTrue();
            }
        }
        Answers.assertMatches(Answers.viaCoo(service.client(), Query.of("sample.mcool").resolution(100000).range1("chr3")), 1950, 128737, "NONE");
    }

    @Test
    void errorsMapToTypedExceptions() {
        assertHttpError(() -> service.client().pixels(Query.of("sample.mcool").resolution(5000).range1("chrZ")).close(),
                404, "unknown_chromosome", "chr1");
        assertHttpError(() -> service.client().pixels(Query.of("sample.mcool").resolution(5000).range1("chr1").normalization("KR")).close(),
                404, "unknown_normalization", "weight");
        assertHttpError(() -> service.client().pixels(Query.of("nope.mcool").resolution(5000).range1("chr1")).close(),
                404, "unknown_file", "nope.mcool");
        assertHttpError(() -> service.client().describe("nope.mcool"), 404, "unknown_file", "nope.mcool");
        assertHttpError(() -> service.client().pixels(Query.of("sample.mcool").resolution(12345).range1("chr1")).close(),
                404, "unknown_resolution", "5000");
        assertHttpError(() -> service.client().pixels(Query.of("sample.mcool").resolution(5000).range1("chr1:500-100")).close(),
                400, "invalid_query", "chr1:500-100");
        assertHttpError(() -> service.client().pixels(Query.of("sample.mcool").resolution(5000)).close(),
                400, "missing_parameter", "range1");
        assertHttpError(() -> service.client().cis(CisQuery.of("sample.mcool").resolution(5000).chromosomes("chr1", "chrZ")).close(),
                404, "unknown_chromosome", "chrZ");
        assertHttpError(() -> service.client().coo(Query.of("../etc/passwd.mcool").range1("chr1")), 0, null, null);
        assertThatThrownBy(() -> Query.of("sample.mcool").querySpan("sideways")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertHttpError(Runnable call, int status, String code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HicServeHttpException.class, e -> {
            if (status != 0) {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getMessage()).contains(messagePart);
            } else {
                assertThat(e.status()).isIn(400, 404);
            }
        });
    }

    @Test
    void aServiceThatIsNotThereIsATransportFailure() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (HicClient nowhere = HicClient.builder().baseUrl("http://127.0.0.1:" + port).build()) {
            assertThatThrownBy(nowhere::files).isInstanceOfSatisfying(HicServeTransportException.class,
                    e -> assertThat(e.getCause()).isInstanceOf(java.io.IOException.class));
            assertThatThrownBy(() -> nowhere.pixels(Query.of("sample.mcool").range1("chr1")))
                    .isInstanceOf(HicServeTransportException.class).isInstanceOf(HicServeException.class);
        }
    }

    /** The example of README-section.md, against the test's service. */
    @Test
    void theReadmeExampleRuns() {
        try (HicClient client = HicClient.builder()
                .baseUrl(service.baseUrl())
                .token("my-token")
                .timeout(java.time.Duration.ofSeconds(10))
                .build()) {
            assertThat(client.files()).isNotEmpty();
            Description d = client.describe("sample.mcool");
            assertThat(d.resolutions()).isNotEmpty();
            Query q = Query.of("sample.mcool").resolution(100_000)
                    .range1("chr1:0-5,000,000").range2("chr2")
                    .normalization("weight");
            long rows = 0;
            try (PixelStream s = client.pixels(q)) {
                while (s.nextBatch()) {
                    org.apache.arrow.vector.VectorSchemaRoot batch = s.root();
                    for (int i = 0; i < s.rowCount(); i++) {
                        assertThat(s.bin1(i)).isLessThan(s.bin2(i));
                        assertThat(s.count(i)).isPositive();
                    }
                    rows += batch.getRowCount();
                }
            }
            assertThat(rows).isPositive();
            try (Stream<JoinedPixel> pixels = client.pixels(q.join(true)).joinedPixels()) {
                assertThat(pixels.limit(5)).hasSize(5).allMatch(p -> p.chrom1().equals("chr1") && p.chrom2().equals("chr2"));
            }
            double[][] m = client.dense(q.range2("chr1:0-5,000,000"), 10_000_000);
            assertThat(m).hasNumberOfRows(50);
            CooMatrix coo = client.coo(CisQuery.of("sample.hic").resolution(5_000).chromosomes("chr1", "chr3")
                    .normalization("VC"));
            assertThat(coo.size()).isEqualTo(113300 + 53076);
        }
    }
}
