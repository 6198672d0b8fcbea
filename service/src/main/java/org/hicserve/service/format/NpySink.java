package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hicserve.reader.model.PixelBatch;

/**
 * NumPy's .npy format, version 1.0: magic, a header dict padded to 64 bytes, then the float64 cells in C order,
 * so that {@code np.load(io.BytesIO(body))} gives the matrix.
 */
public final class NpySink implements PixelSink {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private final OutputStream out;
    private final DenseMatrix matrix;

    public NpySink(OutputStream out, DenseMatrix matrix) {
        this.out = out;
        this.matrix = matrix;
    }

    static byte[] header(int rows, int columns) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1; // + the closing newline
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    @Override
    public void begin() throws IOException {
        out.write(header(matrix.rowCount(), matrix.columnCount()));
    }

    @Override
    public void write(PixelBatch batch) {
        matrix.add(batch);
    }

    @Override
    public void finish() throws IOException {
        double[] cells = matrix.cells();
        ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < cells.length; ) {
            buf.clear();
            int n = Math.min(8192, cells.length - i);
            buf.asDoubleBuffer().put(cells, i, n);
            out.write(buf.array(), 0, n * 8);
            i += n;
        }
        out.flush();
    }

    @Override
    public void close() {
        // nothing held
    }
}
