package org.hicserve.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;

/**
 * The options of {@code spark.read.format("hic")}, checked once on the driver; names follow the service's
 * query parameters.
 *
 * @param paths the paths or globs given to {@code load(...)} (option {@code path}, or Spark's {@code paths} JSON list)
 * @param resolution bin size; 0 (option absent) means each file's only resolution
 * @param normalization {@code NONE} or a vector or weight column every file has
 * @param unit BP or FRAG (.hic); null: BP when a file has BP resolutions
 * @param span upper triangle of the genome-wide matrix as stored (default), or both triangles
 * @param diagonalBandWidth keep only pixels with {@code |bin2_id - bin1_id| < width}; 0 keeps all
 * @param binsPerPartition a chromosome's rows are split into partitions of at most this many bins
 * @param batchRows rows per columnar batch
 */
public record ReadOptions(List<String> paths, int resolution, String normalization, MatrixUnit unit, QuerySpan span,
        long diagonalBandWidth, int binsPerPartition, int batchRows) implements Serializable {
    public static final int DEFAULT_BINS_PER_PARTITION = 5_000;
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    public ReadOptions {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no path: use spark.read.format(\"hic\").load(\"file.mcool\", ...)");
        }
        if (resolution < 0) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        if (binsPerPartition <= 0 || batchRows <= 0 || diagonalBandWidth < 0) {
            throw new IllegalArgumentException("bins_per_partition and batch_rows must be positive, "
                    + "diagonal_band_width >= 0");
        }
    }

    /** Parses Spark's case-insensitive option map (keys arrive lower-cased or not: both are looked up). */
    public static ReadOptions parse(Map<String, String> options) {
        List<String> paths = new ArrayList<>();
        String one = get(options, "path");
        if (one != null && !one.isBlank()) {
            paths.add(one);
        }
        String many = get(options, "paths");
        if (many != null && !many.isBlank()) {
            paths.addAll(parseJsonList(many));
        }
        String matrixType = get(options, "matrix_type");
        if (matrixType != null && !matrixType.equalsIgnoreCase("observed")) {
            // the reader answers stored (observed) pixels only; expected and O/E are not computed by hicserve
            throw new IllegalArgumentException("matrix_type=" + matrixType + " is not available: hicserve's reader "
                    + "reads observed pixels only (matrix_type=observed)");
        }
        String norm = get(options, "normalization");
        String unit = get(options, "unit");
        String span = get(options, "query_span");
        return new ReadOptions(paths, intOption(options, "resolution", 0),
                norm == null || norm.isBlank() ? PixelQuery.NONE : norm,
                unit == null || unit.isBlank() ? null : MatrixUnit.parse(unit.toUpperCase(Locale.ROOT)),
                parseSpan(span), longOption(options, "diagonal_band_width", 0),
                intOption(options, "bins_per_partition", DEFAULT_BINS_PER_PARTITION),
                intOption(options, "batch_rows", DEFAULT_BATCH_ROWS));
    }

    /** Spark hands {@code load(a, b)} over as the option {@code paths} = {@code ["a","b"]} (written by Jackson). */
    private static List<String> parseJsonList(String json) {
        try {
            return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, String[].class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("option paths is not a JSON list of strings: " + json, e);
        }
    }

    private static QuerySpan parseSpan(String s) {
        if (s == null || s.isBlank()) {
            return QuerySpan.UPPER_TRIANGLE;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "upper_triangle", "upper" -> QuerySpan.UPPER_TRIANGLE;
            case "full" -> QuerySpan.FULL;
            default -> throw new IllegalArgumentException("query_span must be upper_triangle or full, not " + s);
        };
    }

    private static String get(Map<String, String> options, String key) {
        String v = options.get(key);
        return v != null ? v : options.get(key.toLowerCase(Locale.ROOT));
    }

    private static int intOption(Map<String, String> options, String key, int dflt) {
        long v = longOption(options, key, dflt);
        if (v != (int) v) {
            throw new IllegalArgumentException(key + " out of range: " + v);
        }
        return (int) v;
    }

    private static long longOption(Map<String, String> options, String key, long dflt) {
        String v = get(options, key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, not '" + v + "'");
        }
    }

    public boolean isNormalized() {
        return !PixelQuery.NONE.equalsIgnoreCase(normalization);
    }
}
