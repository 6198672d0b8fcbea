package org.hicserve.service.worker;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One chromosome of a cis query, as sent to a worker in a Flight ticket. Workers on other hosts read the same
 * absolute path (shared storage). Encoded as {@code key=value} lines, URL-encoded, versioned.
 */
public record WorkerTask(String path, int resolution, String unit, String chromosome, String normalization, int batchRows) {
    private static final String VERSION = "hicserve-task-1";

    public byte[] encode() {
        StringBuilder sb = new StringBuilder(VERSION).append('\n');
        put(sb, "path", path);
        put(sb, "resolution", Integer.toString(resolution));
        put(sb, "unit", unit == null ? "" : unit);
        put(sb, "chromosome", chromosome);
        put(sb, "normalization", normalization);
        put(sb, "batchRows", Integer.toString(batchRows));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void put(StringBuilder sb, String key, String value) {
        sb.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n');
    }

    public static WorkerTask decode(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a " + VERSION + " ticket");
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                m.put(lines[i].substring(0, eq), URLDecoder.decode(lines[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String unit = m.getOrDefault("unit", "");
        return new WorkerTask(required(m, "path"), Integer.parseInt(required(m, "resolution")), unit.isEmpty() ? null : unit,
                required(m, "chromosome"), required(m, "normalization"), Integer.parseInt(required(m, "batchRows")));
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("ticket without " + key);
        }
        return v;
    }
}
