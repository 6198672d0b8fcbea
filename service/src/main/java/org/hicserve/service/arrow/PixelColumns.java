package org.hicserve.service.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hicserve.reader.model.PixelBatch;

/**
 * Moves pixels between {@link PixelBatch} arrays and the {@code bin1_id, bin2_id, count} vectors of an Arrow
 * root, in bulk: the Arrow answer writer and the worker protocol both use it.
 */
public final class PixelColumns {
    private PixelColumns() {
    }

    /** Refills {@code root} (schema {@code PixelSchemas.of(false, ...)}) with a batch. */
    public static void fillIds(VectorSchemaRoot root, PixelBatch b) {
        int n = b.size();
        BigIntVector bin1 = (BigIntVector) root.getVector(0);
        BigIntVector bin2 = (BigIntVector) root.getVector(1);
        bin1.allocateNew(n);
        bin2.allocateNew(n);
        put(bin1, b.bin1(), n);
        put(bin2, b.bin2(), n);
        fillCount(root.getVector("count"), b);
        root.setRowCount(n);
    }

    /** Writes the count column of a batch, int32 or float64 as the vector is. */
    public static void fillCount(FieldVector vector, PixelBatch b) {
        int n = b.size();
        if (vector instanceof IntVector count) {
            count.allocateNew(n);
            put(count, b.intCounts(), n);
        } else {
            Float8Vector count = (Float8Vector) vector;
            count.allocateNew(n);
            if (b.isFloat()) {
                put(count, b.floatCounts(), n);
            } else {
                for (int i = 0; i < n; i++) {
                    count.set(i, b.count(i));
                }
                count.setValueCount(n);
            }
        }
    }

    /*
     * Bulk copies into a vector's data buffer, all rows valid. Setting row by row (a bounds check and a validity bit
     * each) was three quarters of the CPU of the thread writing an Arrow answer, the one thread per answer that the
     * per-chromosome fan-out cannot share (JFR on whole-genome cis). Arrow buffers are little-endian.
     */
    private static void put(BigIntVector v, long[] values, int n) {
        data(v, (long) n * Long.BYTES).asLongBuffer().put(values, 0, n);
        valid(v, n);
    }

    private static void put(IntVector v, int[] values, int n) {
        data(v, (long) n * Integer.BYTES).asIntBuffer().put(values, 0, n);
        valid(v, n);
    }

    private static void put(Float8Vector v, double[] values, int n) {
        data(v, (long) n * Double.BYTES).asDoubleBuffer().put(values, 0, n);
        valid(v, n);
    }

    private static ByteBuffer data(FieldVector v, long bytes) {
        return v.getDataBuffer().nioBuffer(0, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void valid(FieldVector v, int n) {
        ArrowBuf validity = v.getValidityBuffer();
        validity.setOne(0, (n + 7) / 8);
        v.setValueCount(n);
    }

    /** Rows {@code [from, rowCount)} of a {@code bin1_id, bin2_id, count} root as a new batch. */
    public static PixelBatch toBatch(VectorSchemaRoot root, int from) {
        int n = root.getRowCount() - from;
        BigIntVector bin1 = (BigIntVector) root.getVector(0);
        BigIntVector bin2 = (BigIntVector) root.getVector(1);
        FieldVector countVector = root.getVector(2);
        boolean floats = countVector instanceof Float8Vector;
        PixelBatch out = floats ? PixelBatch.ofFloats(n) : PixelBatch.ofInts(n);
        for (int i = 0; i < n; i++) {
            out.bin1()[i] = bin1.get(from + i);
            out.bin2()[i] = bin2.get(from + i);
        }
        if (floats) {
            Float8Vector c = (Float8Vector) countVector;
            for (int i = 0; i < n; i++) {
                out.floatCounts()[i] = c.get(from + i);
            }
        } else {
            IntVector c = (IntVector) countVector;
            for (int i = 0; i < n; i++) {
                out.intCounts()[i] = c.get(from + i);
            }
        }
        return out.withSize(n);
    }
}
