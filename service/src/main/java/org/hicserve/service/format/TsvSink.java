package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.model.PixelBatch;

/** Tab-separated values with one header line, what {@code cooler dump} and {@code hictk dump} print. */
public final class TsvSink implements PixelSink {
    private final OutputStream out;
    private final PixelTable table;
    private final TextRows rows;
    private final StringBuilder line = new StringBuilder(1 << 16);

    public TsvSink(OutputStream out, PixelTable table) {
        this.out = out;
        this.table = table;
        this.rows = new TextRows(table);
    }

    @Override
    public void begin() throws IOException {
        out.write((String.join("\t", table.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(PixelBatch b) throws IOException {
        for (int i = 0; i < b.size(); i++) {
            rows.append(line, b, i, '\t', false);
            line.append('\n');
            if (line.length() > (1 << 16) - 256) {
                flushLine();
            }
        }
        flushLine();
    }

    private void flushLine() throws IOException {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    @Override
    public void finish() throws IOException {
        flushLine();
        out.flush();
    }

    @Override
    public void close() {
        line.setLength(0);
    }
}
