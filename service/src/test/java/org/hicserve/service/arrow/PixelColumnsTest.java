package org.hicserve.service.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.PixelBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk copy into Arrow vectors: every row's value where it belongs, every row valid (null count 0), for sizes
 * that do and do not fill the last validity byte, and a smaller batch after a larger one in the same root.
 */
class PixelColumnsTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchesRoundTripThroughTheVectors(boolean floats) {
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(
                        PixelSchemas.of(false, floats ? CountType.FLOAT64 : CountType.INT32, Map.of()), allocator)) {
            for (int n : new int[] {1, 8, 13, 4097, 3}) {
                PixelBatch b = floats ? PixelBatch.ofFloats(n) : PixelBatch.ofInts(n);
                for (int i = 0; i < n; i++) {
                    b.bin1()[i] = 3_000_000_000L + i;
                    b.bin2()[i] = 7L * i;
                    if (floats) {
                        b.floatCounts()[i] = i == 2 ? Double.NaN : i * 0.25 - 1;
                    } else {
                        b.intCounts()[i] = Integer.MAX_VALUE - i;
                    }
                }
                b = b.withSize(n);
                PixelColumns.fillIds(root, b);
                assertThat(root.getRowCount()).isEqualTo(n);
                root.getFieldVectors().forEach(v -> assertThat(v.getNullCount()).as(v.getName()).isZero());
                PixelBatch back = PixelColumns.toBatch(root, 0);
                assertThat(back.size()).isEqualTo(n);
                for (int i = 0; i < n; i++) {
                    assertThat(back.bin1()[i]).isEqualTo(b.bin1()[i]);
                    assertThat(back.bin2()[i]).isEqualTo(b.bin2()[i]);
                    if (floats) {
                        assertThat(Double.doubleToRawLongBits(back.floatCounts()[i])).isEqualTo(
                                Double.doubleToRawLongBits(b.floatCounts()[i]));
                    } else {
                        assertThat(back.intCounts()[i]).isEqualTo(b.intCounts()[i]);
                    }
                }
            }
        }
    }
}
