package org.hicserve.reader.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the .hic reader and validator with arbitrary bytes. In a normal {@code mvn test} this
 * replays the seeds and past findings under {@code src/test/resources/org/hicserve/reader/fuzz/HicFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes (see README.md next to this file).
 */
class HicFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void hicBytes(byte[] data) {
        Path p = FuzzSupport.write(data, ".hic");
        FuzzSupport.readEverything(p);
        FuzzSupport.validate(p);
    }
}
