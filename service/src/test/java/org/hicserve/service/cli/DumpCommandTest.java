package org.hicserve.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;

/** {@code hicserve.jar dump}: what the pixels endpoint would return, on the command line. */
class DumpCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run dump(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DumpCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tsvDumpEqualsTheReaderPixelByPixel() {
        for (String file : List.of("sample.mcool", "sample.hic")) {
            String path = TestData.sample(file).toString();
            String norm = file.endsWith("mcool") ? "weight" : "SCALE";
            Run r = dump(path, "--resolution", "50000", "--range", "chr2", "--normalization", norm);
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("bin1_id\tbin2_id\tcount");
            List<Pixel> expected;
            try (var f = MatrixFiles.open(TestData.sample(file), 50000)) {
                expected = PixelTally.pixels(f.fetch(PixelQuery.cis(UcscParser.parse(f.chromosomes(), "chr2")).withNormalization(norm)));
            }
            assertThat(lines).hasSize(expected.size() + 1);
            for (int i = 0; i < expected.size(); i++) {
                String[] cols = lines.get(i + 1).split("\t");
                Pixel p = expected.get(i);
                assertThat(new Pixel(Long.parseLong(cols[0]), Long.parseLong(cols[1]), Double.parseDouble(cols[2]))).isEqualTo(p);
            }
        }
    }

    @Test
    void joinedTransDumpHasCoordinates() {
        Run r = dump(TestData.sample("sample.mcool") + "::/resolutions/500000", "--range", "chrX", "--range2", "chr1", "--join");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("chrom1\tstart1\tend1\tchrom2\tstart2\tend2\tcount");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(l -> l.startsWith("chrX\t") && l.contains("\tchr1\t"));
    }

    @Test
    void errorsHaveDistinctExitCodesAndSayWhatExists() {
        Run unknown = dump(TestData.sample("sample.hic").toString(), "--resolution", "5000", "--range", "chr7");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("chr7", "chr1", "chrX");
        Run badRange = dump(TestData.sample("sample.hic").toString(), "--resolution", "5000", "--range", "chr1:9-3");
        assertThat(badRange.exit()).isEqualTo(2);
        Run usage = dump("--range", "chr1");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("usage:");
        Run notAFile = dump(TestData.sample("README.md").toString(), "--resolution", "5000", "--range", "chr1");
        assertThat(notAFile.exit()).isEqualTo(4);
    }

    @Test
    void arrowDumpIsAnArrowStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DumpCommand.run(new String[] {TestData.sample("sample.mcool").toString(), "--resolution", "500000",
                "--range", "chr1", "--format", "arrow"}, new PrintStream(out), System.err);
        assertThat(exit).isZero();
        var answer = org.hicserve.service.web.HttpFixture.readArrow(out.toByteArray());
        assertThat(answer.columns()).containsExactly("bin1_id", "bin2_id", "count");
        assertThat(answer.pixels()).isNotEmpty();
    }
}
