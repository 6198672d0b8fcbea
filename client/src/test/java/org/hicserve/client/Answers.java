package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Pixel count and sum of an answer read each way the client offers, and the reference comparison. */
final class Answers {
    private Answers() {
    }

    record Tally(long pixels, double sum, boolean upperOnly) {
    }

    static final class Kahan {
        private double s;
        private double c;

        void add(double v) {
            double y = v - c;
            double t = s + y;
            c = (t - s) - y;
            s = t;
        }

        double sum() {
            return s;
        }
    }

    /** Through the Arrow batches: nextBatch()/root(), values read from the vectors. */
    static Tally viaBatches(HicClient client, HicQuery q) {
        try (PixelStream s = client.stream(q)) {
            long n = 0;
            Kahan sum = new Kahan();
            boolean upper = true;
            while (s.nextBatch()) {
                var root = s.root();
                assertThat(root.getRowCount()).isEqualTo(s.rowCount()).isLessThanOrEqualTo(262_144);
                var count = root.getVector("count");
                for (int i = 0; i < root.getRowCount(); i++) {
                    sum.add(((Number) count.getObject(i)).doubleValue());
                    if (!s.joined()) {
                        upper &= s.bin1(i) <= s.bin2(i);
                    }
                }
                n += root.getRowCount();
            }
            assertThat(s.rowsRead()).isEqualTo(n);
            assertThat(s.nextBatch()).isFalse();
            return new Tally(n, sum.sum(), upper);
        }
    }

    /** Through the Pixel records. */
    static Tally viaPixels(HicClient client, HicQuery q) {
        try (Stream<Pixel> pixels = client.stream(q.join(false)).pixels()) {
            long n = 0;
            Kahan sum = new Kahan();
            boolean upper = true;
            for (Iterator<Pixel> it = pixels.iterator(); it.hasNext();) {
                Pixel p = it.next();
                n++;
                sum.add(p.count());
                upper &= p.bin1() <= p.bin2();
            }
            return new Tally(n, sum.sum(), upper);
        }
    }

    /** Through the COO arrays. */
    static Tally viaCoo(HicClient client, HicQuery q) {
        CooMatrix m = client.coo(q);
        boolean upper = true;
        for (int i = 0; i < m.size(); i++) {
            upper &= m.bin1()[i] <= m.bin2()[i];
        }
        return new Tally(m.size(), m.sum(), upper);
    }

    /** Through the joined records. */
    static Tally viaJoined(HicClient client, HicQuery q, List<JoinedPixel> firstFew) {
        try (Stream<JoinedPixel> pixels = client.stream(q.join(true)).joinedPixels()) {
            long n = 0;
            Kahan sum = new Kahan();
            for (Iterator<JoinedPixel> it = pixels.iterator(); it.hasNext();) {
                JoinedPixel p = it.next();
                if (firstFew.size() < 100) {
                    firstFew.add(p);
                }
                n++;
                sum.add(p.count());
            }
            return new Tally(n, sum.sum(), true);
        }
    }

    static void assertMatches(Tally t, long pixels, double sum, String normalization) {
        assertThat(t.pixels()).isEqualTo(pixels);
        // raw counts are integers, summed exactly; normalized .hic v9 vectors are float32 (REFERENCE.md)
        assertThat(t.sum()).isCloseTo(sum, within(normalization.equalsIgnoreCase("NONE") ? 0 : Math.abs(sum) * 1e-9));
    }

    /** Sum of the upper triangle (diagonal included) of a square matrix. */
    static double upperTriangleSum(double[][] m) {
        Kahan k = new Kahan();
        for (int i = 0; i < m.length; i++) {
            for (int j = i; j < m[i].length; j++) {
                k.add(m[i][j]);
            }
        }
        return k.sum();
    }

    static double sum(double[][] m) {
        Kahan k = new Kahan();
        for (double[] row : m) {
            for (double v : row) {
                k.add(v);
            }
        }
        return k.sum();
    }

    static long nonZero(double[][] m, boolean upperOnly) {
        long n = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = upperOnly ? i : 0; j < m[i].length; j++) {
                if (m[i][j] != 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
