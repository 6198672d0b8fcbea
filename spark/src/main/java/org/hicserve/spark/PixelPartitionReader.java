package org.hicserve.spark;

import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;

/**
 * Reads one partition: opens the file at the read's resolution (metadata from the JVM's {@link MetadataCache}), runs
 * its region queries one after the other and copies each reader batch straight into Spark column vectors, filling
 * only the columns the query asked for. {@code file}, {@code chrom1} and {@code chrom2} are constant within a region,
 * so they are constant vectors. The vectors are reused from batch to batch (Spark consumes a batch before asking for
 * the next), so memory is one batch whatever the partition's size.
 */
final class PixelPartitionReader implements PartitionReader<ColumnarBatch> {
    private final PixelPartition partition;
    private final ReadOptions options;
    private final boolean floatCounts;
    private final MatrixFile file;
    private final BinTable bins;
    private final Reference reference;
    private final Iterator<PixelRegion> regions;
    private final String[] columns;
    private final ColumnVector[] vectors;
    private final ColumnarBatch batch;
    private PixelSelector selector;
    private PixelRegion region;
    private final boolean fixedBins;
    private long offset1, length1, offset2, length2; // the region's chromosomes, for fixed-size bins
    private long pixels;
    private boolean closed;

    PixelPartitionReader(PixelPartition partition, ReadOptions options, StructType schema, boolean floatCounts) {
        this.partition = partition;
        this.options = options;
        this.floatCounts = floatCounts;
        this.file = MetadataCache.get(Path.of(partition.path())).open(options.resolution(), options.unit());
        this.bins = file.bins();
        this.reference = file.chromosomes();
        this.fixedBins = bins instanceof FixedBinTable;
        this.regions = partition.regions().iterator();
        int capacity = options.batchRows();
        StructField[] fields = schema.fields();
        this.columns = new String[fields.length];
        this.vectors = new ColumnVector[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = fields[i].name();
            DataType t = fields[i].dataType();
            vectors[i] = switch (columns[i]) {
                case PixelSchema.FILE, PixelSchema.CHROM1, PixelSchema.CHROM2 -> new ConstantColumnVector(capacity, t);
                default -> new OnHeapColumnVector(capacity, t);
            };
            if (columns[i].equals(PixelSchema.FILE)) {
                ((ConstantColumnVector) vectors[i]).setUtf8String(UTF8String.fromString(partition.path()));
            }
        }
        this.batch = new ColumnarBatch(vectors);
    }

    @Override
    public boolean next() {
        while (true) {
            if (selector != null && selector.hasNext()) {
                PixelBatch b = selector.next();
                if (b.size() > 0) {
                    fill(b);
                    return true;
                }
                continue;
            }
            if (selector != null) {
                selector.close();
                selector = null;
            }
            if (!regions.hasNext()) {
                return false;
            }
            startRegion(regions.next());
        }
    }

    private void startRegion(PixelRegion r) {
        region = r;
        GenomicInterval r1 = new GenomicInterval(reference.byName(r.chrom1()), r.start1(), r.end1());
        GenomicInterval r2 = new GenomicInterval(reference.byName(r.chrom2()), r.start2(), r.end2());
        PixelQuery q = PixelQuery.of(r1, r2).withNormalization(options.normalization()).withSpan(options.span())
                .withDiagonalBandWidth(options.diagonalBandWidth()).withBatchRows(options.batchRows());
        selector = file.fetch(q);
        offset1 = bins.chromOffset(r1.chromosome().id());
        length1 = r1.chromosome().length();
        offset2 = bins.chromOffset(r2.chromosome().id());
        length2 = r2.chromosome().length();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(PixelSchema.CHROM1)) {
                ((ConstantColumnVector) vectors[i]).setUtf8String(UTF8String.fromString(r.chrom1()));
            } else if (columns[i].equals(PixelSchema.CHROM2)) {
                ((ConstantColumnVector) vectors[i]).setUtf8String(UTF8String.fromString(r.chrom2()));
            }
        }
    }

    private void fill(PixelBatch b) {
        int n = b.size();
        long[] bin1 = b.bin1();
        long[] bin2 = b.bin2();
        for (int c = 0; c < columns.length; c++) {
            switch (columns[c]) {
                case PixelSchema.START1 -> starts((OnHeapColumnVector) vectors[c], bin1, n, offset1);
                case PixelSchema.END1 -> ends((OnHeapColumnVector) vectors[c], bin1, n, offset1, length1);
                case PixelSchema.START2 -> starts((OnHeapColumnVector) vectors[c], bin2, n, offset2);
                case PixelSchema.END2 -> ends((OnHeapColumnVector) vectors[c], bin2, n, offset2, length2);
                case PixelSchema.BIN1 -> ((OnHeapColumnVector) vectors[c]).putLongs(0, n, bin1, 0);
                case PixelSchema.BIN2 -> ((OnHeapColumnVector) vectors[c]).putLongs(0, n, bin2, 0);
                case PixelSchema.COUNT -> counts((OnHeapColumnVector) vectors[c], b);
                default -> {
                    // file, chrom1, chrom2: constant vectors, set per partition and region
                }
            }
        }
        batch.setNumRows(n);
        pixels += n;
    }

    /** Bin starts; every bin of one side of a region is on that side's chromosome, so fixed bins need no lookup. */
    private void starts(OnHeapColumnVector v, long[] binIds, int n, long offset) {
        if (fixedBins) {
            long res = bins.resolution();
            for (int i = 0; i < n; i++) {
                v.putLong(i, (binIds[i] - offset) * res);
            }
        } else {
            for (int i = 0; i < n; i++) {
                v.putLong(i, bins.start(binIds[i]));
            }
        }
    }

    private void ends(OnHeapColumnVector v, long[] binIds, int n, long offset, long length) {
        if (fixedBins) {
            long res = bins.resolution();
            for (int i = 0; i < n; i++) {
                v.putLong(i, Math.min((binIds[i] - offset + 1) * res, length));
            }
        } else {
            for (int i = 0; i < n; i++) {
                v.putLong(i, bins.end(binIds[i]));
            }
        }
    }

    private void counts(OnHeapColumnVector v, PixelBatch b) {
        int n = b.size();
        if (b.isFloat()) {
            if (!floatCounts) {
                throw new IllegalStateException(partition.path() + " " + region + ": float counts in an int column "
                        + "(the file changed since the query was planned?)");
            }
            v.putDoubles(0, n, b.floatCounts(), 0);
        } else if (floatCounts) {
            int[] ints = b.intCounts();
            for (int i = 0; i < n; i++) {
                v.putDouble(i, ints[i]);
            }
        } else {
            v.putInts(0, n, b.intCounts(), 0);
        }
    }

    @Override
    public ColumnarBatch get() {
        return batch;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return new CustomTaskMetric[] {new StorageUnitsMetric.Value(Math.max(0, file.storageUnitsRead()))};
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScanStatistics.record(file.storageUnitsRead(), pixels);
        try {
            if (selector != null) {
                selector.close();
            }
        } finally {
            batch.close();
            file.close();
        }
    }
}
