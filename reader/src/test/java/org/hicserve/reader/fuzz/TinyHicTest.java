package org.hicserve.reader.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.validate.FileValidator;
import org.hicserve.reader.validate.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic .hic seeds are valid files with the pixels {@link TinyHic} wrote (so the fuzzer starts from sense). */
class TinyHicTest {
    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void tinyHicReadsAndValidates(int version, @TempDir Path dir) throws Exception {
        Path p = dir.resolve("tiny.hic");
        Files.write(p, TinyHic.build(version));
        ValidationReport r = FileValidator.validate(p);
        assertThat(r.problems()).as(r.toString()).isEmpty();
        try (MatrixFile f = MatrixFiles.open(p, TinyHic.RES)) {
            assertThat(f.chromosomes().names()).containsExactly("chr1", "chr2");
            assertThat(count(f, PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(0))))).isEqualTo(6);
            assertThat(count(f, PixelQuery.of(GenomicInterval.whole(f.chromosomes().get(0)),
                    GenomicInterval.whole(f.chromosomes().get(1))))).isEqualTo(5);
            // KR: bin 3 of chr1 is NaN, and no stored pixel touches bin 3
            assertThat(count(f, PixelQuery.cis(GenomicInterval.whole(f.chromosomes().get(0))).withNormalization("KR")))
                    .isEqualTo(6);
        }
    }

    private static long count(MatrixFile f, PixelQuery q) {
        long n = 0;
        try (PixelSelector s = f.fetch(q)) {
            while (s.hasNext()) {
                n += s.next().size();
            }
        }
        return n;
    }
}
