package org.hicserve.service.expected;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.OutputStreamChannel;

/**
 * Writes an {@link ExpectedService.Answer} as Arrow (one record batch per chromosome, at most {@code BATCH} rows
 * each; unknown values are nulls), TSV (unknown values {@code NaN}, which Java, R and pandas all read back) or JSON
 * ({@code {"columns": [...], "data": [[...]]}}, unknown values {@code null}). Stateless.
 */
public final class ExpectedWriter {
    static final int BATCH = 65_536;

    private ExpectedWriter() {
    }

    public static void write(ExpectedService.Answer a, OutputFormat format, OutputStream out, BufferAllocator parent)
            throws IOException {
        switch (format) {
            case ARROW -> arrow(a, out, parent);
            case TSV -> text(a, out, false);
            case JSON -> text(a, out, true);
            case PNG -> PsCurvePlot.write(a, out);
            default -> throw new IllegalArgumentException("no expected table as " + format.apiName());
        }
    }

    private static void text(ExpectedService.Answer a, OutputStream out, boolean json) throws IOException {
        boolean norm = a.normalized();
        List<String> columns = ExpectedColumns.of(norm);
        StringBuilder s = new StringBuilder(1 << 16);
        if (json) {
            s.append("{\"columns\":[");
            for (int i = 0; i < columns.size(); i++) {
                s.append(i == 0 ? "\"" : ",\"").append(columns.get(i)).append('"');
            }
            s.append("],\"data\":[");
        } else {
            s.append(String.join("\t", columns)).append('\n');
        }
        boolean first = true;
        char sep = json ? ',' : '\t';
        for (DiagonalRows r : a.rows()) {
            String chrom = r.chromosome().name();
            for (int d = 0; d < r.size(); d++) {
                if (json) {
                    s.append(first ? "[\"" : ",[\"").append(jsonEscape(chrom)).append('"');
                } else {
                    s.append(chrom);
                }
                first = false;
                s.append(sep).append(d).append(sep).append((long) d * a.resolution()).append(sep).append(r.nValid()[d]);
                for (double v : ExpectedColumns.values(r, d, norm)) {
                    s.append(sep);
                    if (Double.isFinite(v)) {
                        s.append(v);
                    } else {
                        s.append(json ? "null" : "NaN");
                    }
                }
                s.append(json ? "]" : "\n");
                if (s.length() > (1 << 16) - 512) {
                    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
                    s.setLength(0);
                }
            }
        }
        if (json) {
            s.append("]}");
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static Schema schema(ExpectedService.Answer a) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("chrom", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        for (String name : List.of("dist", "dist_bp", "n_valid")) {
            fields.add(new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null));
        }
        for (String name : ExpectedColumns.of(a.normalized()).subList(4, ExpectedColumns.of(a.normalized()).size())) {
            fields.add(new Field(name, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                    null));
        }
        return new Schema(fields, Map.of("hicserve.file", a.file(), "hicserve.resolution",
                Integer.toString(a.resolution()), "hicserve.normalization", a.normalization()));
    }

    private static void arrow(ExpectedService.Answer a, OutputStream out, BufferAllocator parent) throws IOException {
        boolean norm = a.normalized();
        try (BufferAllocator allocator = parent.newChildAllocator("expected", 0, Long.MAX_VALUE);
                VectorSchemaRoot root = VectorSchemaRoot.create(schema(a), allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, new OutputStreamChannel(out))) {
            writer.start();
            VarCharVector chrom = (VarCharVector) root.getVector(0);
            BigIntVector dist = (BigIntVector) root.getVector(1);
            BigIntVector distBp = (BigIntVector) root.getVector(2);
            BigIntVector nValid = (BigIntVector) root.getVector(3);
            List<FieldVector> values = root.getFieldVectors().subList(4, root.getFieldVectors().size());
            for (DiagonalRows r : a.rows()) {
                byte[] name = r.chromosome().name().getBytes(StandardCharsets.UTF_8);
                for (int from = 0; from < r.size(); from += BATCH) {
                    int n = Math.min(BATCH, r.size() - from);
                    root.allocateNew();
                    for (int i = 0; i < n; i++) {
                        int d = from + i;
                        chrom.setSafe(i, name);
                        dist.setSafe(i, d);
                        distBp.setSafe(i, (long) d * a.resolution());
                        nValid.setSafe(i, r.nValid()[d]);
                        double[] v = ExpectedColumns.values(r, d, norm);
                        for (int k = 0; k < v.length; k++) {
                            Float8Vector col = (Float8Vector) values.get(k);
                            if (Double.isFinite(v[k])) {
                                col.setSafe(i, v[k]);
                            } else {
                                col.setSafe(i, 0, 0.0); // null
                            }
                        }
                    }
                    root.setRowCount(n);
                    writer.writeBatch();
                }
            }
            writer.end();
        }
        out.flush();
    }
}
