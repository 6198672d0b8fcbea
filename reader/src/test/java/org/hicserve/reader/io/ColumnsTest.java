package org.hicserve.reader.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one growth rule of the block columns: double, or what is needed if more, never past the longest array. */
class ColumnsTest {
    @Test
    void columnsDoubleOrTakeWhatIsNeededUpToTheLongestArray() {
        assertThat(Columns.grownLength(1024, 1025)).isEqualTo(2048);
        assertThat(Columns.grownLength(1024, 5000)).isEqualTo(5000);
        assertThat(Columns.grownLength(0, 1)).isEqualTo(1);
        assertThat(Columns.grownLength(1_500_000_000, 1_500_000_001L)).isEqualTo(Columns.MAX_LENGTH);
        assertThat(Columns.grownLength(16, 3L * Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 8);
    }
}
