package org.hicserve.reader.hic;

import java.util.HashMap;
import java.util.Map;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.PixelBatch;

/** Pixel count and sum of a selector, drained batch by batch (test helper). */
record Totals(long pixels, double sum) {
    static Totals of(PixelSelector selector) {
        long n = 0;
        double sum = 0;
        double c = 0; // Kahan compensation: keeps the comparison at 1e-9 about the data, not the summation
        try (selector) {
            while (selector.hasNext()) {
                PixelBatch b = selector.next();
                for (int i = 0; i < b.size(); i++) {
                    double y = b.count(i) - c;
                    double t = sum + y;
                    c = (t - sum) - y;
                    sum = t;
                }
                n += b.size();
            }
        }
        return new Totals(n, sum);
    }

    /** Every pixel as "bin1 bin2" -> count; fails on a duplicate. */
    static Map<String, Double> pixels(PixelSelector selector) {
        Map<String, Double> out = new HashMap<>();
        try (selector) {
            while (selector.hasNext()) {
                PixelBatch b = selector.next();
                for (int i = 0; i < b.size(); i++) {
                    Double old = out.put(b.bin1()[i] + " " + b.bin2()[i], b.count(i));
                    if (old != null) {
                        throw new AssertionError("pixel returned twice: " + b.bin1()[i] + " " + b.bin2()[i]);
                    }
                }
            }
        }
        return out;
    }
}
