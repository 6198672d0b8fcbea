package org.hicserve.service.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The text formats write a count as {@link Double#toString(double)} does (what they always wrote), with a faster
 * algorithm: the same string for a million random balanced-count-like values; for edge values the same double back
 * and never a longer string (JDK 17's own is not always the shortest).
 */
class TextRowsTest {
    @Test
    void doublesAreWrittenAsDoubleToStringWritesThemOrShorter() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e-3, 9.999e-4, 1e-5, 1e7,
                9999999.0, 1e-300, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Math.PI, 2e23, 1.0E22,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456.789, 0.30000000000000004));
        StringBuilder sb = new StringBuilder();
        for (double v : values) { // edge values: the same value back, never longer than JDK 17 wrote it
            sb.setLength(0);
            TextRows.appendDouble(sb, v);
            String s = sb.toString();
            assertThat(s.length()).as("%s", v).isLessThanOrEqualTo(Double.toString(v).length());
            if (Double.isNaN(v)) {
                assertThat(s).isEqualTo("NaN");
            } else {
                assertThat(Double.parseDouble(s)).as("%s", v).isEqualTo(v);
            }
        }
        // JDK 17 is not always shortest (2e23 comes out as 1.9999999999999998E23); for the values a map holds the
        // two agree to the letter
        sb.setLength(0);
        TextRows.appendDouble(sb, 2e23);
        assertThat(sb.toString()).isEqualTo("2.0E23");
        SplittableRandom r = new SplittableRandom(20261204);
        for (int i = 0; i < 1_000_000; i++) {
            double v = r.nextDouble() * Math.pow(10, r.nextInt(-8, 8));
            v = i % 2 == 0 ? v : (float) v; // float32 values too, as .hic vectors store them
            sb.setLength(0);
            TextRows.appendDouble(sb, v);
            assertThat(sb.toString()).as("%s", v).isEqualTo(Double.toString(v));
        }
    }
}
