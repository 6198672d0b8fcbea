package org.hicserve.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The table's columns, named as the service's joined answer: {@code file} (the path read), the two bins' chromosome,
 * start and end, their genome-wide ids, and {@code count}: int for raw counts of integer files, double for
 * normalized values or when any file stores float counts.
 */
final class PixelSchema {
    static final String FILE = "file";
    static final String CHROM1 = "chrom1";
    static final String START1 = "start1";
    static final String END1 = "end1";
    static final String CHROM2 = "chrom2";
    static final String START2 = "start2";
    static final String END2 = "end2";
    static final String BIN1 = "bin1_id";
    static final String BIN2 = "bin2_id";
    static final String COUNT = "count";

    private PixelSchema() {
    }

    static StructType of(boolean floatCounts) {
        DataType count = floatCounts ? DataTypes.DoubleType : DataTypes.IntegerType;
        return new StructType(new StructField[] {
            field(FILE, DataTypes.StringType),
            field(CHROM1, DataTypes.StringType),
            field(START1, DataTypes.LongType),
            field(END1, DataTypes.LongType),
            field(CHROM2, DataTypes.StringType),
            field(START2, DataTypes.LongType),
            field(END2, DataTypes.LongType),
            field(BIN1, DataTypes.LongType),
            field(BIN2, DataTypes.LongType),
            field(COUNT, count),
        });
    }

    private static StructField field(String name, DataType type) {
        return new StructField(name, type, false, org.apache.spark.sql.types.Metadata.empty());
    }
}
