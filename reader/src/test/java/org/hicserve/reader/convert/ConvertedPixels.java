package org.hicserve.reader.convert;

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
        // sort by (bin1, bin2): bins are below 2^31 in every test file, so (bin1, bin2) packs into one long key;
        // keys are unique (checked), so each value finds its slot by binary search among the sorted keys
        long[] keys = new long[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            if (b1[i] >= (1L << 31) || b2[i] >= (1L << 31)) {
                throw new AssertionError("bin id too large for the test helper");
            }
            keys[i] = (b1[i] << 31) | b2[i];
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        long[] sortedKeys = keys;
        double[] sv = Arrays.copyOf(v, n);
        if (!sorted) {
            sortedKeys = keys.clone();
            Arrays.sort(sortedKeys);
            for (int i = 1; i < n; i++) {
                if (sortedKeys[i] == sortedKeys[i - 1]) {
                    throw new AssertionError("pixel returned twice: " + (sortedKeys[i] >>> 31) + " "
                            + (sortedKeys[i] & Integer.MAX_VALUE));
                }
            }
            for (int i = 0; i < n; i++) {
                sv[Arrays.binarySearch(sortedKeys, keys[i])] = v[i];
            }
        }
        long[] s1 = new long[n];
        long[] s2 = new long[n];
        for (int i = 0; i < n; i++) {
            s1[i] = sortedKeys[i] >>> 31;
            s2[i] = sortedKeys[i] & Integer.MAX_VALUE;
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
