package org.hicserve.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/**
 * Takes the filters and the columns a query needs. Predicates on {@code file}, {@code chrom1}, {@code chrom2},
 * {@code chrom1 = chrom2} and the {@code start}/{@code end} columns narrow the partitions into region queries
 * ({@link RegionFilter}); every predicate but those true of every row of the planned partitions is also handed back
 * to Spark, which evaluates it on the rows read (the narrowing is a superset, so the answer never depends on what was
 * understood). Only the required columns are filled.
 */
final class HicScanBuilder implements SupportsPushDownV2Filters, SupportsPushDownRequiredColumns {
    private final MatrixCatalog catalog;
    private StructType required;
    private final RegionFilter filter = new RegionFilter();
    private final List<Predicate> pushed = new ArrayList<>();

    HicScanBuilder(MatrixCatalog catalog, StructType schema) {
        this.catalog = catalog;
        this.required = schema;
    }

    /** Returns what Spark must still evaluate on the rows: everything but the predicates exact per partition. */
    @Override
    public Predicate[] pushPredicates(Predicate[] predicates) {
        List<Predicate> after = new ArrayList<>();
        for (Predicate p : predicates) {
            boolean used = filter.add(p);
            if (used) {
                pushed.add(p);
            }
            if (!used || !RegionFilter.isExact(p)) {
                after.add(p);
            }
        }
        return after.toArray(new Predicate[0]);
    }

    @Override
    public Predicate[] pushedPredicates() {
        return pushed.toArray(new Predicate[0]);
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new HicScan(catalog, filter, required);
    }
}
