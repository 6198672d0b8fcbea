package org.hicserve.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/** Sent to the executors: makes a columnar reader for each partition (there is no row reader). */
final class PixelReaderFactory implements PartitionReaderFactory {
    private final ReadOptions options;
    private final StructType schema;
    private final boolean floatCounts;

    PixelReaderFactory(ReadOptions options, StructType schema, boolean floatCounts) {
        this.options = options;
        this.schema = schema;
        this.floatCounts = floatCounts;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new PixelPartitionReader((PixelPartition) partition, options, schema, floatCounts);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        throw new UnsupportedOperationException("the hic source reads columnar batches only");
    }
}
