package org.hicserve.reader.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: the expected-value vectors of a v9 .hic footer (the reader skips them), parsed independently of the
 * writer from the header's footer pointer. Keys are {@code "NONE/5000"}, {@code "VC/5000"}, ...
 */
final class ExpectedSection {
    record Vector(float[] values, Map<Integer, Float> factors) {
    }

    private ExpectedSection() {
    }

    static Map<String, Vector> read(Path hic) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(hic)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(4);
        if (b.getInt() != 9) {
            throw new IllegalArgumentException("not a v9 file: " + hic);
        }
        long footer = b.getLong();
        b.position((int) footer);
        b.getLong(); // nBytesV5
        int entries = b.getInt();
        for (int i = 0; i < entries; i++) {
            string(b);
            b.getLong();
            b.getInt();
        }
        Map<String, Vector> out = new LinkedHashMap<>();
        readVectors(b, false, out);
        if (b.hasRemaining()) {
            readVectors(b, true, out);
        }
        return out;
    }

    private static void readVectors(ByteBuffer b, boolean normalized, Map<String, Vector> out) {
        int n = b.getInt();
        for (int i = 0; i < n; i++) {
            String type = normalized ? string(b) : "NONE";
            String unit = string(b);
            int binSize = b.getInt();
            long count = b.getLong();
            float[] values = new float[(int) count];
            for (int k = 0; k < count; k++) {
                values[k] = b.getFloat();
            }
            int nf = b.getInt();
            Map<Integer, Float> factors = new TreeMap<>();
            for (int k = 0; k < nf; k++) {
                factors.put(b.getInt(), b.getFloat());
            }
            if (unit.equals("BP")) {
                out.put(type + "/" + binSize, new Vector(values, factors));
            }
        }
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) {
            // scan to the NUL
        }
        return new String(b.array(), start, b.position() - start - 1, StandardCharsets.US_ASCII);
    }
}
