package org.hicserve.reader.expected;

import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Weights;
import org.hicserve.reader.query.PixelQuery;

/**
 * Computes the expected of a chromosome from its pixels, as cooltools' {@code expected_cis} does for one region:
 * per diagonal {@code d = |bin2 - bin1|}, {@code count.sum} over every stored pixel, {@code balanced.sum} over the
 * pixels whose two weights are finite, {@code n_valid} the bin pairs on the diagonal with both weights usable, and
 * the averages {@code count.sum / (n - d)} and {@code balanced.sum / n_valid}. The pixels are streamed once; memory
 * is a few arrays of the chromosome's bin count, never its pixels. Stateless.
 */
public final class ExpectedCalculator {
    /** A chromosome with more bins than this cannot be tabulated in arrays. */
    static final long MAX_BINS = Integer.MAX_VALUE - 8;

    private ExpectedCalculator() {
    }

    /** The table of one chromosome of an open file; {@code normalization} is NONE or a name the file has. */
    public static DiagonalRows chromosome(MatrixFile f, int chromId, String normalization) {
        Chromosome c = f.chromosomes().get(chromId);
        long nBins = f.bins().binCount(chromId);
        if (nBins > MAX_BINS) {
            throw new InvalidQueryException(c.name() + " has " + nBins + " bins: too many for an expected table");
        }
        int n = (int) nBins;
        long off = f.bins().chromOffset(chromId);
        boolean normalized = !PixelQuery.NONE.equalsIgnoreCase(normalization);
        Weights w = normalized ? f.weights(normalization) : null;
        long[] nValid = normalized ? ValidPairs.count(validBins(w, off, n)) : allPairs(n);
        double[] countSum = new double[n];
        double[] balancedSum = normalized ? new double[n] : null;
        try (PixelSelector s = f.fetch(PixelQuery.cis(GenomicInterval.whole(c)))) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                long[] b1 = b.bin1();
                long[] b2 = b.bin2();
                for (int i = 0; i < b.size(); i++) {
                    int d = (int) Math.abs(b2[i] - b1[i]);
                    double v = b.count(i);
                    countSum[d] += v;
                    if (w != null) {
                        double bal = w.apply(v, b1[i], b2[i]);
                        if (Double.isFinite(bal)) {
                            balancedSum[d] += bal;
                        }
                    }
                }
            }
        }
        double[] countAvg = new double[n];
        for (int d = 0; d < n; d++) {
            countAvg[d] = countSum[d] / (n - d);
        }
        double[] balancedAvg = null;
        if (normalized) {
            balancedAvg = new double[n];
            for (int d = 0; d < n; d++) {
                balancedAvg[d] = balancedSum[d] / nValid[d];
            }
        }
        return new DiagonalRows(c, nValid, countSum, countAvg, balancedSum, balancedAvg);
    }

    /**
     * The mean of a trans block (cooltools' {@code expected_trans} for one pair of chromosomes): the sum of its
     * values over the bin pairs whose weights are both usable (all pairs when raw).
     */
    public static double trans(MatrixFile f, int chrom1, int chrom2, String normalization) {
        boolean normalized = !PixelQuery.NONE.equalsIgnoreCase(normalization);
        Chromosome c1 = f.chromosomes().get(chrom1);
        Chromosome c2 = f.chromosomes().get(chrom2);
        long n1 = f.bins().binCount(chrom1);
        long n2 = f.bins().binCount(chrom2);
        if (normalized) {
            Weights w = f.weights(normalization);
            n1 = countValid(w, f.bins().chromOffset(chrom1), n1);
            n2 = countValid(w, f.bins().chromOffset(chrom2), n2);
        }
        double sum = 0;
        try (PixelSelector s = f.fetch(PixelQuery.of(GenomicInterval.whole(c1), GenomicInterval.whole(c2))
                .withNormalization(normalization))) {
            while (s.hasNext()) {
                PixelBatch b = s.next();
                for (int i = 0; i < b.size(); i++) {
                    sum += b.count(i);
                }
            }
        }
        return sum / ((double) n1 * (double) n2);
    }

    static boolean valid(Weights w, double weight) {
        return Double.isFinite(weight) && !(w.divisive() && weight == 0);
    }

    static boolean[] validBins(Weights w, long off, int n) {
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            valid[i] = valid(w, w.get(off + i));
        }
        return valid;
    }

    private static long countValid(Weights w, long off, long n) {
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (valid(w, w.get(off + i))) {
                k++;
            }
        }
        return k;
    }

    static long[] allPairs(int n) {
        long[] out = new long[n];
        for (int d = 0; d < n; d++) {
            out[d] = n - d;
        }
        return out;
    }
}
