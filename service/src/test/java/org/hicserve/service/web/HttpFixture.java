package org.hicserve.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.hicserve.reader.model.Pixel;

/** A real HTTP client against the service under test, and decoders for its answers. */
public final class HttpFixture {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpFixture(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String query(Map<String, ?> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    public static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public HttpResponse<byte[]> get(String path, Map<String, ?> params) {
        return get(path + query(params), (String) null);
    }

    public HttpResponse<byte[]> get(String pathAndQuery, String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(120));
            if (accept != null) {
                b.header("Accept", accept);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> stream(String path, Map<String, ?> params) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path + query(params))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public String text(String path) {
        return new String(get(path, (String) null).body(), StandardCharsets.UTF_8);
    }

    /** The answer of an Arrow stream: column names, pixels (bin ids or joined rows' counts), and whether it ended. */
    public record ArrowAnswer(List<String> columns, List<Pixel> pixels, List<List<Object>> rows, String countType,
            Map<String, String> metadata) {
        public double sum() {
            double s = 0;
            double c = 0;
            for (Pixel p : pixels) {
                double y = p.count() - c;
                double t = s + y;
                c = (t - s) - y;
                s = t;
            }
            return s;
        }
    }

    public static ArrowAnswer readArrow(byte[] body) {
        try (BufferAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new java.io.ByteArrayInputStream(body), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<String> columns = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            String countType = root.getSchema().findField("count").getType().toString();
            List<Pixel> pixels = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            boolean joined = columns.contains("chrom1");
            while (reader.loadNextBatch()) {
                FieldVector count = root.getVector("count");
                for (int i = 0; i < root.getRowCount(); i++) {
                    double v = ((Number) count.getObject(i)).doubleValue();
                    if (joined) {
                        List<Object> row = new ArrayList<>();
                        for (String c : columns) {
                            Object o = root.getVector(c).getObject(i);
                            if (c.startsWith("chrom")) {
                                var dict = reader.getDictionaryVectors().get(
                                        root.getVector(c).getField().getDictionary().getId());
                                o = dict.getVector().getObject((Integer) o).toString();
                            }
                            row.add(o);
                        }
                        rows.add(row);
                        pixels.add(new Pixel(-1, -1, v));
                    } else {
                        pixels.add(new Pixel((Long) root.getVector("bin1_id").getObject(i),
                                (Long) root.getVector("bin2_id").getObject(i), v));
                    }
                }
            }
            return new ArrowAnswer(columns, pixels, rows, countType, root.getSchema().getCustomMetadata());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
