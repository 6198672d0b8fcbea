package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.model.PixelBatch;

/**
 * {@code {"columns": [...], "data": [[...], ...]}} (API.md). Values that JSON cannot hold (NaN, infinities)
 * never reach it: normalized pixels with non-finite values are dropped by the reader.
 */
public final class JsonSink implements PixelSink {
    private final OutputStream out;
    private final PixelTable table;
    private final TextRows rows;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean first = true;

    public JsonSink(OutputStream out, PixelTable table) {
        this.out = out;
        this.table = table;
        this.rows = new TextRows(table);
    }

    @Override
    public void begin() throws IOException {
        text.append("{\"columns\":[");
        for (int i = 0; i < table.columns().size(); i++) {
            text.append(i == 0 ? "" : ",").append('"').append(table.columns().get(i)).append('"');
        }
        text.append("],\"data\":[");
        flush();
    }

    @Override
    public void write(PixelBatch b) throws IOException {
        for (int i = 0; i < b.size(); i++) {
            text.append(first ? "[" : ",[");
            first = false;
            rows.append(text, b, i, ',', true);
            text.append(']');
            if (text.length() > (1 << 16) - 512) {
                flush();
            }
        }
        flush();
    }

    private void flush() throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    @Override
    public void finish() throws IOException {
        text.append("]}");
        flush();
        out.flush();
    }

    @Override
    public void close() {
        text.setLength(0);
    }
}
