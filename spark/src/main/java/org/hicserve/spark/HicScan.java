package org.hicserve.spark;

import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A planned read: the partitions of {@link PartitionPlanner} and a columnar reader for each. */
final class HicScan implements Scan, Batch {
    private final MatrixCatalog catalog;
    private final RegionFilter filter;
    private final StructType schema;
    private List<PixelPartition> partitions;

    HicScan(MatrixCatalog catalog, RegionFilter filter, StructType schema) {
        this.catalog = catalog;
        this.filter = filter;
        this.schema = schema;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "hic " + catalog.options().paths() + " @" + catalog.options().resolution() + " "
                + catalog.options().normalization() + " " + filter;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (partitions == null) {
            partitions = PartitionPlanner.plan(catalog, filter);
        }
        return partitions.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new PixelReaderFactory(catalog.options(), schema, catalog.floatCounts());
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return new CustomMetric[] {new StorageUnitsMetric()};
    }
}
