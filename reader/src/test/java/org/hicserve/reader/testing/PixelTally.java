package org.hicserve.reader.testing;

import java.util.ArrayList;
import java.util.List;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.Pixel;
import org.hicserve.reader.model.PixelBatch;

/** Count and sum of everything a selector yields (sum compensated, so 10^6 floats add up reproducibly). */
public record PixelTally(long pixels, double sum, long batches, int largestBatch) {
    public static PixelTally of(PixelSelector selector) {
        try (selector) {
            long n = 0;
            long batches = 0;
            int largest = 0;
            double sum = 0;
            double c = 0;
            while (selector.hasNext()) {
                PixelBatch b = selector.next();
                batches++;
                largest = Math.max(largest, b.size());
                for (int i = 0; i < b.size(); i++) {
                    double y = b.count(i) - c;
                    double t = sum + y;
                    c = (t - sum) - y;
                    sum = t;
                }
                n += b.size();
            }
            return new PixelTally(n, sum, batches, largest);
        }
    }

    public static List<Pixel> pixels(PixelSelector selector) {
        try (selector) {
            List<Pixel> out = new ArrayList<>();
            while (selector.hasNext()) {
                PixelBatch b = selector.next();
                for (int i = 0; i < b.size(); i++) {
                    out.add(new Pixel(b.bin1()[i], b.bin2()[i], b.count(i)));
                }
            }
            return out;
        }
    }
}
