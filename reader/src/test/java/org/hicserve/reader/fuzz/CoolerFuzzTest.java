package org.hicserve.reader.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the cooler reader (jHDF underneath) and validator with arbitrary bytes. Seeds: a tiny
 * .cool and .mcool written by cooler 0.9.1 from synthetic data, under
 * {@code src/test/resources/org/hicserve/reader/fuzz/CoolerFuzzTestInputs/coolerBytes/}.
 */
class CoolerFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void coolerBytes(byte[] data) {
        Path p = FuzzSupport.write(data, ".cool");
        FuzzSupport.readEverything(p);
        FuzzSupport.validate(p);
    }
}
