package org.hicserve.reader.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected-value vectors of a converted file against the ones Juicer Tools itself wrote: the bundled
 * {@code sample.hic} was made by Juicer Tools 3.31 {@code pre} from the same contacts as {@code sample.mcool}, so
 * converting the .mcool must give the observed expected vector and per-chromosome scale factors of the .hic at every
 * resolution (float32 in the file; the sums only differ in their order of addition). The normalized vectors of the
 * .hic are VC/SCALE, which the .mcool lacks, so they are covered by the same code path only.
 */
class ExpectedLikeJuicerTest {
    @TempDir
    Path tmp;

    @Test
    void observedExpectedAndScaleFactorsMatchJuicerTools() throws IOException {
        Path out = tmp.resolve("sample.hic");
        CoolerToHic.convert(TestData.sample("sample.mcool"), out, CoolerToHic.Options.defaults(), ProgressListener.NONE);
        Map<String, ExpectedSection.Vector> juicer = ExpectedSection.read(TestData.sample("sample.hic"));
        Map<String, ExpectedSection.Vector> ours = ExpectedSection.read(out);
        int compared = 0;
        for (int res : new int[] {5000, 10000, 50000, 100000, 500000}) {
            ExpectedSection.Vector j = juicer.get("NONE/" + res);
            ExpectedSection.Vector o = ours.get("NONE/" + res);
            assertThat(j).as("Juicer's NONE/" + res).isNotNull();
            assertThat(o).as("our NONE/" + res).isNotNull();
            assertThat(o.values()).as("length at " + res).hasSameSizeAs(j.values());
            for (int d = 0; d < j.values().length; d++) {
                assertThat((double) o.values()[d]).as("E[" + d + "] at " + res)
                        .isCloseTo(j.values()[d], org.assertj.core.data.Offset.offset(Math.abs(j.values()[d]) * 1e-5));
                compared++;
            }
            assertThat(o.factors().keySet()).isEqualTo(j.factors().keySet());
            j.factors().forEach((c, f) -> assertThat((double) o.factors().get(c)).as("factor of " + c + " at " + res)
                    .isCloseTo(f, org.assertj.core.data.Offset.offset(Math.abs(f) * 1e-5)));
        }
        assertThat(compared).isGreaterThan(1000);
        // every normalization of the .mcool has its normalized expected vector at every resolution
        assertThat(ours).containsKeys("ICE/5000", "ICE/10000", "ICE/50000", "ICE/100000", "ICE/500000");
    }
}
