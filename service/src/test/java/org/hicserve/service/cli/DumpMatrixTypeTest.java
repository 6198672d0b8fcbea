package org.hicserve.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/** {@code dump --matrix-type expected|oe} and {@code --count-type}: the reader's transform, on the command line. */
class DumpMatrixTypeTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DumpCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void oeAndExpectedEqualTheReaderPixelByPixel() {
        for (String file : List.of("sample.mcool", "sample.hic")) {
            String norm = file.endsWith("mcool") ? "weight" : "VC";
            for (MatrixType type : List.of(MatrixType.OE, MatrixType.EXPECTED)) {
                String[] r = run(TestData.sample(file).toString(), "--resolution", "100000", "--range", "chrX",
                        "--range2", "chr1", "--normalization", norm, "--matrix-type", type.apiName());
                assertThat(r[0]).as(r[2]).isEqualTo("0");
                List<Pixel> want;
                try (var f = MatrixFiles.open(TestData.sample(file), 100000)) {
                    PixelQuery q = PixelQuery.of(UcscParser.parse(f.chromosomes(), "chrX"),
                            UcscParser.parse(f.chromosomes(), "chr1")).withNormalization(norm);
                    want = PixelTally.pixels(Expectations.fetch(f, q, type, Expectations.of(f, norm)));
                }
                List<String> lines = r[1].lines().toList();
                assertThat(lines).hasSize(want.size() + 1);
                assertThat(want).isNotEmpty();
                for (int i = 0; i < want.size(); i++) {
                    String[] c = lines.get(i + 1).split("\t");
                    assertThat(new Pixel(Long.parseLong(c[0]), Long.parseLong(c[1]), Double.parseDouble(c[2])))
                            .isEqualTo(want.get(i));
                }
            }
        }
    }

    @Test
    void badMatrixOrCountTypeIsUsageError() {
        String path = TestData.sample("sample.hic").toString();
        assertThat(run(path, "--resolution", "100000", "--range", "chr1", "--matrix-type", "ratio")[0]).isEqualTo("2");
        assertThat(run(path, "--resolution", "100000", "--range", "chr1", "--count-type", "double")[0]).isEqualTo("2");
        String[] floats = run(path, "--resolution", "100000", "--range", "chr1", "--count-type", "float");
        assertThat(floats[0]).isEqualTo("0");
        assertThat(floats[1].lines().skip(1).findFirst().orElseThrow()).contains(".");
    }
}
