package org.hicserve.reader.crossformat;

import static org.assertj.core.api.Assertions.assertThat;

import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.MatrixFiles;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MatrixFile#storageUnitsRead()}: what a query decoded, the same measure for both formats. */
class StorageUnitsReadTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample.hic", "sample.mcool"})
    void aRegionReadsFewerBlocksOrChunksThanItsChromosome(String name) {
        try (MatrixFile f = MatrixFiles.open(TestData.sample(name), 5000)) {
            assertThat(f.storageUnitsRead()).as("nothing read before a query").isZero();
            var chr1 = UcscParser.parse(f.chromosomes(), "chr1");
            var region = UcscParser.parse(f.chromosomes(), "chr1:4,000,000-5,000,000");
            var planned = f.fetch(PixelQuery.cis(chr1));
            assertThat(f.storageUnitsRead()).as("planning reads no pixel data").isZero();
            PixelTally.of(planned);
            long whole = f.storageUnitsRead();
            PixelTally.of(f.fetch(PixelQuery.cis(region)));
            long part = f.storageUnitsRead() - whole;
            assertThat(part).isPositive().isLessThan(whole);
        }
    }
}
