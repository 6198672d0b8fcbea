package org.hicserve.reader.expected;

/**
 * Counts, for every diagonal {@code d}, the bin pairs {@code (i, i + d)} whose bins are both valid (a usable
 * weight): cooltools' {@code n_valid}. Uses a bitset and shifted word-wise ANDs, {@code n^2 / 128} word operations
 * for {@code n} bins (a 25,000-bin chromosome takes a few milliseconds). Stateless.
 */
public final class ValidPairs {
    private ValidPairs() {
    }

    public static long[] count(boolean[] valid) {
        int n = valid.length;
        int nw = (n + 63) >>> 6;
        long[] words = new long[nw];
        for (int i = 0; i < n; i++) {
            if (valid[i]) {
                words[i >>> 6] |= 1L << (i & 63);
            }
        }
        long[] out = new long[n];
        for (int d = 0; d < n; d++) {
            int q = d >>> 6;
            int r = d & 63;
            long total = 0;
            for (int k = 0; k + q < nw; k++) {
                long shifted = words[k + q] >>> r;
                if (r != 0 && k + q + 1 < nw) {
                    shifted |= words[k + q + 1] << (64 - r);
                }
                total += Long.bitCount(words[k] & shifted);
            }
            out[d] = total;
        }
        return out;
    }
}
