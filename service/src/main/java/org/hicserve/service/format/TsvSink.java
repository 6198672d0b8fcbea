package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Reference;

/** Tab-separated values with one header line, what {@code cooler dump} and {@code hictk dump} print. */
public final class TsvSink implements PixelSink {
    private final OutputStream out;
    private final PixelTable table;
    private final Reference reference;
    private final BinCoordinates coords1;
    private final BinCoordinates coords2;
    private final StringBuilder line = new StringBuilder(1 << 16);

    public TsvSink(OutputStream out, PixelTable table) {
        this.out = out;
        this.table = table;
        this.reference = table.bins().reference();
        this.coords1 = new BinCoordinates(table.bins());
        this.coords2 = new BinCoordinates(table.bins());
    }

    @Override
    public void begin() throws IOException {
        out.write((String.join("\t", table.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(PixelBatch b) throws IOException {
        for (int i = 0; i < b.size(); i++) {
            long b1 = b.bin1()[i];
            long b2 = b.bin2()[i];
            if (table.join()) {
                line.append(reference.get(coords1.chromOf(b1)).name()).append('\t')
                        .append(coords1.start(b1)).append('\t').append(coords1.end(b1)).append('\t')
                        .append(reference.get(coords2.chromOf(b2)).name()).append('\t')
                        .append(coords2.start(b2)).append('\t').append(coords2.end(b2)).append('\t');
            } else {
                line.append(b1).append('\t').append(b2).append('\t');
            }
            if (b.isFloat()) {
                line.append(b.floatCounts()[i]);
            } else {
                line.append(b.intCounts()[i]);
            }
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
