package org.hicserve.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.ReferenceTable;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference row (../shared/test-data/REFERENCE.md: cooler 0.9.1 and hic-straw 2.1.4; the bundled sample's
 * REFERENCE.csv) as a Spark SQL query on {@code format("hic")}: {@code count(*)} and {@code sum(count)} of the
 * region's predicate equal the reader's answer to the same query and the reference tool's figures. The predicate is
 * pushed down, so each row also checks that narrowing a partition to a region loses no pixel.
 */
class SparkReferenceTest {
    /** One row: a file read at a resolution and unit, a query, and what the reference tool answered. */
    record Row_(String label, Path path, int resolution, MatrixUnit unit, String range1, String range2,
            String normalization, long pixels, String sum) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final Map<String, Dataset<Row>> TABLES = new HashMap<>();

    /**
     * 158 tiny queries: Spark's code generation (a Janino compile per query, each predicate being new) would cost
     * more than reading the pixels, so it is off here; the other test classes run with Spark's defaults.
     */
    @BeforeAll
    static void interpretedQueries() {
        SharedSpark.session().conf().set("spark.sql.codegen.wholeStage", "false");
        SharedSpark.session().conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    }

    @AfterAll
    static void defaults() {
        SharedSpark.session().conf().unset("spark.sql.codegen.wholeStage");
        SharedSpark.session().conf().unset("spark.sql.codegen.factoryMode");
    }

    static Stream<Arguments> rows() {
        List<Row_> rows = new ArrayList<>();
        Path md = TestData.sharedDir().resolve("REFERENCE.md");
        if (Files.exists(md)) {
            for (List<String> r : ReferenceTable.rows(md, "## Cooler files")) {
                String[] uri = r.get(0).split("::");
                int res = uri.length > 1 ? Integer.parseInt(uri[1].substring(uri[1].lastIndexOf('/') + 1)) : 0;
                String[] q = r.get(1).split(" , ");
                rows.add(new Row_(r.get(0) + " " + r.get(1) + " " + r.get(2), TestData.sharedDir().resolve(uri[0]), res,
                        null, q[0], q.length > 1 ? q[1] : q[0], coolerNormalization(r.get(2)), Long.parseLong(r.get(3)),
                        r.get(4)));
            }
            for (List<String> r : ReferenceTable.rows(md, "## Juicer .hic files")) {
                // file, units, binSize, query, regions passed, normalization, pixels, sum
                String[] q = r.get(3).split(" x ");
                rows.add(new Row_(r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(5),
                        TestData.sharedDir().resolve(r.get(0)), Integer.parseInt(r.get(2)), MatrixUnit.parse(r.get(1)),
                        q[0], q.length > 1 ? q[1] : q[0], r.get(5), Long.parseLong(r.get(6)), r.get(7)));
            }
            assertThat(rows).as("reference rows of " + md).hasSizeGreaterThanOrEqualTo(35 + 39);
        } else {
            TestData.shared("REFERENCE.md"); // skips, or fails under CI
        }
        for (String[] r : TestData.csv(TestData.sample("REFERENCE.csv"))) {
            rows.add(new Row_(String.join(" ", r[0], r[1], r[2], r[3], r[4]), TestData.sample(r[0]),
                    Integer.parseInt(r[1]), null, r[2], r[3], r[4], Long.parseLong(r[5]), r[6]));
        }
        return rows.stream().map(Arguments::of);
    }

    /** "NONE (raw)" -> NONE; "balance='KR', divisive_weights=True" -> KR (the reader infers divisive from the name). */
    private static String coolerNormalization(String cell) {
        if (cell.startsWith("NONE")) {
            return PixelQuery.NONE;
        }
        int a = cell.indexOf('\'');
        return cell.substring(a + 1, cell.indexOf('\'', a + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sparkSqlMatchesTheReaderAndTheReference(Row_ row) {
        TestData.shared("REFERENCE.md");
        GenomicInterval r1;
        GenomicInterval r2;
        PixelTally reader;
        try (MatrixFile f = MatrixFiles.readMetadata(row.path()).open(row.resolution(), row.unit())) {
            r1 = UcscParser.parse(f.chromosomes(), row.range1());
            r2 = UcscParser.parse(f.chromosomes(), row.range2());
            reader = PixelTally.of(f.fetch(PixelQuery.of(r1, r2).withNormalization(row.normalization())));
        }

        Row got = table(row).where(RegionSql.where(r1, r2)).selectExpr("count(*)", "sum(count)").first();
        long pixels = got.getLong(0);
        double sum = got.isNullAt(1) ? 0 : ((Number) got.get(1)).doubleValue();

        assertThat(pixels).as("count(*) vs the reader").isEqualTo(reader.pixels());
        assertThat(pixels).as("count(*) vs the reference").isEqualTo(row.pixels());
        double expected = Double.parseDouble(row.sum());
        if (got.get(1) instanceof Long) {
            assertThat(sum).as("raw sum(count)").isEqualTo(expected); // integers: exact
        } else {
            // float64 values summed in another order: 1e-9 relative is what is owed
            double tolerance = Math.abs(expected) * 1e-9 + 1e-12;
            assertThat(sum).as("sum(count) vs the reference").isCloseTo(expected, within(tolerance));
            assertThat(sum).as("sum(count) vs the reader").isCloseTo(reader.sum(), within(tolerance));
        }
    }

    private static Dataset<Row> table(Row_ row) {
        String key = row.path() + "|" + row.resolution() + "|" + row.unit() + "|" + row.normalization();
        return TABLES.computeIfAbsent(key, k -> {
            var reader = SharedSpark.session().read().format("hic").option("normalization", row.normalization());
            if (row.resolution() > 0) {
                reader = reader.option("resolution", row.resolution());
            }
            if (row.unit() != null) {
                reader = reader.option("unit", row.unit().name());
            }
            return reader.load(row.path().toString());
        });
    }
}
