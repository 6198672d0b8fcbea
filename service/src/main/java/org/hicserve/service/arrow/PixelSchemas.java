package org.hicserve.service.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hicserve.reader.model.CountType;

/**
 * The Arrow schemas of API.md: {@code bin1_id, bin2_id, count} or, joined,
 * {@code chrom1, start1, end1, chrom2, start2, end2, count} with both chromosome columns indices into one shared
 * dictionary of the file's chromosome names.
 */
public final class PixelSchemas {
    /** Id of the chromosome-name dictionary shared by chrom1 and chrom2. */
    public static final long CHROMOSOME_DICTIONARY_ID = 1L;
    public static final DictionaryEncoding CHROMOSOME_ENCODING =
            new DictionaryEncoding(CHROMOSOME_DICTIONARY_ID, false, new ArrowType.Int(32, true));

    private static final ArrowType INT32 = new ArrowType.Int(32, true);
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private PixelSchemas() {
    }

    public static Schema of(boolean join, CountType countType, Map<String, String> metadata) {
        List<Field> fields = new ArrayList<>();
        if (join) {
            fields.add(chromosome("chrom1"));
            fields.add(field("start1", INT32));
            fields.add(field("end1", INT32));
            fields.add(chromosome("chrom2"));
            fields.add(field("start2", INT32));
            fields.add(field("end2", INT32));
        } else {
            fields.add(field("bin1_id", INT64));
            fields.add(field("bin2_id", INT64));
        }
        fields.add(field("count", countType == CountType.INT32 ? INT32 : FLOAT64));
        return new Schema(fields, metadata);
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    private static Field chromosome(String name) {
        return new Field(name, new FieldType(false, INT32, CHROMOSOME_ENCODING), null);
    }
}
