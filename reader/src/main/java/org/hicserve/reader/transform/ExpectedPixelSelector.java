package org.hicserve.reader.transform;

import java.util.NoSuchElementException;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.PixelBatch;

/**
 * Turns the observed pixels of one query (both sides each on one chromosome) into their expected value or
 * observed / expected, pixel by pixel, as hictk's {@code --matrix-type expected|oe} does: only stored pixels are
 * answered, a cis pixel uses {@code E_c[|bin2 - bin1|]}, a trans pixel the pair's single value. A pixel whose
 * answer is not finite (expected 0 or unknown) is dropped, as a normalized pixel with a NaN weight is.
 * Values are float64. Not thread-safe.
 */
public final class ExpectedPixelSelector implements PixelSelector {
    private final PixelSelector observed;
    private final MatrixType type;
    private final Expected expected;
    private final int chrom;
    private final boolean cis;
    private final double transValue;
    private PixelBatch pending;

    /**
     * @param chrom1 chromosome of every bin1, {@code chrom2} of every bin2
     * @param transValue the expected of the pair when {@code chrom1 != chrom2} (ignored for cis)
     */
    public ExpectedPixelSelector(PixelSelector observed, MatrixType type, Expected expected, int chrom1, int chrom2,
            double transValue) {
        if (type == MatrixType.OBSERVED) {
            throw new IllegalArgumentException("observed pixels need no transform");
        }
        this.observed = observed;
        this.type = type;
        this.expected = expected;
        this.chrom = chrom1;
        this.cis = chrom1 == chrom2;
        this.transValue = transValue;
    }

    @Override
    public CountType countType() {
        return CountType.FLOAT64;
    }

    @Override
    public BinTable bins() {
        return observed.bins();
    }

    @Override
    public boolean hasNext() {
        while (pending == null && observed.hasNext()) {
            PixelBatch b = transform(observed.next());
            if (b.size() > 0) {
                pending = b;
            }
        }
        return pending != null;
    }

    @Override
    public PixelBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PixelBatch b = pending;
        pending = null;
        return b;
    }

    private PixelBatch transform(PixelBatch in) {
        // the batch belongs to us: reuse its bin arrays in place, values go to a float column
        long[] b1 = in.bin1();
        long[] b2 = in.bin2();
        double[] out = in.floatCounts() != null ? in.floatCounts() : new double[in.size()];
        int n = 0;
        for (int i = 0; i < in.size(); i++) {
            double e = cis ? expected.cis(chrom, Math.abs(b2[i] - b1[i])) : transValue;
            double v = type == MatrixType.EXPECTED ? e : in.count(i) / e;
            if (!Double.isFinite(v)) {
                continue;
            }
            b1[n] = b1[i];
            b2[n] = b2[i];
            out[n] = v;
            n++;
        }
        return new PixelBatch(b1, b2, null, out, n);
    }

    @Override
    public void close() {
        pending = null;
        observed.close();
    }
}
