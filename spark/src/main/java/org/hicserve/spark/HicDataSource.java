package org.hicserve.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("hic")}: Hi-C contact matrices (.hic, .cool, .mcool, recognised by their first bytes) as a
 * table of pixels. Registered under the short name {@code hic} (META-INF/services); the class name works too.
 * The schema is fixed apart from the type of {@code count}, which depends on the files and the normalization.
 */
public final class HicDataSource implements TableProvider, DataSourceRegister {
    public static final String SHORT_NAME = "hic";

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return catalog(options).floatCounts() ? PixelSchema.of(true) : PixelSchema.of(false);
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new HicTable(catalog(new CaseInsensitiveStringMap(properties)));
    }

    private static MatrixCatalog catalog(CaseInsensitiveStringMap options) {
        return MatrixCatalog.open(ReadOptions.parse(options), hadoopConf());
    }

    static Configuration hadoopConf() {
        return SparkSession.getActiveSession().isDefined()
                ? SparkSession.active().sparkContext().hadoopConfiguration()
                : new Configuration();
    }
}
