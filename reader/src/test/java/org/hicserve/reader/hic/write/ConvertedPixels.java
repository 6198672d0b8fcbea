package org.hicserve.reader.hic.write;

import java.util.Arrays;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.query.PixelQuery;

/**
 * Test helper: the pixels of one query as primitive columns sorted by (bin1, bin2), so that two readers' answers
 * (which come in different orders) compare element by element without boxing millions of pixels.
 */
record ConvertedPixels(long[] bin1, long[] bin2, double[] value) {
    int size() {
        return bin1.length;
    }

    static ConvertedPixels fetch(MatrixFile f, GenomicInterval r1, GenomicInterval r2, String norm) {
        long[] b1 = new long[1024];
        long[] b2 = new long[1024];
        double[] v = new double[1024];
        int n = 0;
        try (PixelSelector s = f.fetch(PixelQuery.of(r1, r2).withNormalization(norm))) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                if (n + b.size() > b1.length) {
                    int cap = Math.max(b1.length * 2, n + b.size());
                    b1 = Arrays.copyOf(b1, cap);
                    b2 = Arrays.copyOf(b2, cap);
                    v = Arrays.copyOf(v, cap);
                }
                for (int i = 0; i < b.size(); i++) {
                    b1[n] = b.bin1()[i];
                    b2[n] = b.bin2()[i];
                    v[n] = b.count(i);
                    n++;
                }
            }
        }
        // sort by (bin1, bin2) through an index: bins are below 2^31 in every test file
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            if (b1[i] >= (1L << 31) || b2[i] >= (1L << 31)) {
                throw new AssertionError("bin id too large for the test helper");
            }
            keys[i] = (b1[i] << 31) | b2[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] k2 = keys;
        Arrays.sort(order, (x, y) -> Long.compare(k2[x], k2[y]));
        long[] s1 = new long[n];
        long[] s2 = new long[n];
        double[] sv = new double[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            s1[i] = b1[o];
            s2[i] = b2[o];
            sv[i] = v[o];
            if (i > 0 && s1[i] == s1[i - 1] && s2[i] == s2[i - 1]) {
                throw new AssertionError("pixel returned twice: " + s1[i] + " " + s2[i]);
            }
        }
        return new ConvertedPixels(s1, s2, sv);
    }

    /** Fails unless both hold the same pixels (same bins, in the same sorted order). */
    void assertSamePixels(ConvertedPixels other, String what) {
        if (size() != other.size()) {
            throw new AssertionError(what + ": " + other.size() + " pixels instead of " + size());
        }
        for (int i = 0; i < size(); i++) {
            if (bin1[i] != other.bin1[i] || bin2[i] != other.bin2[i]) {
                throw new AssertionError(what + ": pixel " + i + " is (" + other.bin1[i] + ", " + other.bin2[i]
                        + ") instead of (" + bin1[i] + ", " + bin2[i] + ")");
            }
        }
    }
}
