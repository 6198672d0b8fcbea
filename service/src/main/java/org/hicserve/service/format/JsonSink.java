package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Reference;

/**
 * {@code {"columns": [...], "data": [[...], ...]}} (API.md). Values that JSON cannot hold (NaN, infinities)
 * never reach it: normalized pixels with non-finite values are dropped by the reader.
 */
public final class JsonSink implements PixelSink {
    private final OutputStream out;
    private final PixelTable table;
    private final Reference reference;
    private final BinCoordinates coords1;
    private final BinCoordinates coords2;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean first = true;

    public JsonSink(OutputStream out, PixelTable table) {
        this.out = out;
        this.table = table;
        this.reference = table.bins().reference();
        this.coords1 = new BinCoordinates(table.bins());
        this.coords2 = new BinCoordinates(table.bins());
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
            long b1 = b.bin1()[i];
            long b2 = b.bin2()[i];
            if (table.join()) {
                appendString(reference.get(coords1.chromOf(b1)).name());
                text.append(',').append(coords1.start(b1)).append(',').append(coords1.end(b1)).append(',');
                appendString(reference.get(coords2.chromOf(b2)).name());
                text.append(',').append(coords2.start(b2)).append(',').append(coords2.end(b2)).append(',');
            } else {
                text.append(b1).append(',').append(b2).append(',');
            }
            if (b.isFloat()) {
                text.append(b.floatCounts()[i]);
            } else {
                text.append(b.intCounts()[i]);
            }
            text.append(']');
            if (text.length() > (1 << 16) - 512) {
                flush();
            }
        }
        flush();
    }

    private void appendString(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        text.append('"');
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
