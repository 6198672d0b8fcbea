package org.hicserve.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The pixels of the files of one {@code load()}: batch reads only. */
final class HicTable implements SupportsRead {
    private final MatrixCatalog catalog;
    private final StructType schema;

    HicTable(MatrixCatalog catalog) {
        this.catalog = catalog;
        this.schema = PixelSchema.of(catalog.floatCounts());
    }

    @Override
    public String name() {
        return "hic" + catalog.options().paths();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new HicScanBuilder(catalog, schema);
    }
}
