package org.hicserve.spark;

import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The scan's "blocks and chunks read" in the Spark UI: .hic blocks and cooler column chunks the tasks decoded
 * ({@link org.hicserve.reader.MatrixFile#storageUnitsRead()}). A region query shows only its region's share.
 */
public final class StorageUnitsMetric extends CustomSumMetric {
    static final String NAME = "storageUnitsRead";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "blocks and chunks read";
    }

    /** One task's value. */
    record Value(long value) implements CustomTaskMetric {
        @Override
        public String name() {
            return NAME;
        }
    }
}
