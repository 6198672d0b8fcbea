package org.hicserve.reader.convert;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected count by distance from the diagonal for one normalization at one resolution, computed the way Juicer
 * Tools computes it ({@code ExpectedValueCalculation}, see EXPECTED.md): genome-wide sums of the cis counts at each
 * distance d over the number of cells at that distance, {@code sum over chromosomes of (n_c - d)} with
 * {@code n_c = floor(length / binSize)}, the window around d widened until it holds at least 400 counts; then one
 * factor per chromosome, {@code f_c = sum_d (n_c - d) E[d] / observed_c}, so readers answer {@code E[d] / f_c}.
 * Only chromosomes with at least one positive count take part. Thread-safe: {@link #add} merges a worker's sums.
 */
final class ExpectedVector {
    static final double SHOT_NOISE_MINIMUM = 400;

    final String normalization;
    final int binSize;
    private final long[] chromLengths; // by .hic file chromosome index (0 = All, unused)
    private final double[] byDistance;
    private final double[] chromCounts;
    private final boolean[] seen;

    ExpectedVector(String normalization, int binSize, long[] chromLengths) {
        this.normalization = normalization;
        this.binSize = binSize;
        this.chromLengths = chromLengths.clone();
        long maxLen = 0;
        for (int c = 1; c < chromLengths.length; c++) {
            maxLen = Math.max(maxLen, chromLengths[c]);
        }
        this.byDistance = new double[(int) (maxLen / binSize) + 1];
        this.chromCounts = new double[chromLengths.length];
        this.seen = new boolean[chromLengths.length];
    }

    /** A worker's per-distance sums for chromosome {@code chrIdx} (only positive values were summed). */
    synchronized void add(int chrIdx, double[] sumsByDistance, double total, boolean any) {
        if (!any) {
            return;
        }
        seen[chrIdx] = true;
        chromCounts[chrIdx] += total;
        int n = Math.min(sumsByDistance.length, byDistance.length);
        for (int d = 0; d < n; d++) {
            byDistance[d] += sumsByDistance[d];
        }
    }

    /** The result: {@code values} (E[d], d = 0..max n_c - 1) and the factor of each chromosome that has counts. */
    record Result(double[] values, Map<Integer, Double> chrScaleFactors) {
    }

    synchronized Result compute() {
        int bins = byDistance.length;
        double[] possible = new double[bins];
        long maxChromBins = 0;
        for (int c = 1; c < chromLengths.length; c++) {
            if (!seen[c]) {
                continue;
            }
            long n = chromLengths[c] / binSize;
            maxChromBins = Math.max(maxChromBins, n);
            for (int i = 0; i < n; i++) {
                possible[i] += n - i;
            }
        }
        int m = (int) maxChromBins;
        double[] density = new double[m];
        // a window [lo, hi] of distances centred on d, grown until it holds SHOT_NOISE_MINIMUM counts and shrunk
        // from both ends while it still would
        double num = m > 0 ? byDistance[0] : 0;
        double den = m > 0 ? possible[0] : 0;
        int lo = 0;
        int hi = 0;
        for (int d = 0; d < m; d++) {
            if (num < SHOT_NOISE_MINIMUM) {
                while (num < SHOT_NOISE_MINIMUM && hi < m) {
                    hi++;
                    num += byDistance[hi];
                    den += possible[hi];
                }
            } else if (hi - lo > 0) {
                while (hi - lo > 0 && hi < bins && lo < bins
                        && num - byDistance[lo] - byDistance[hi] >= SHOT_NOISE_MINIMUM) {
                    num = num - byDistance[lo] - byDistance[hi];
                    den = den - possible[lo] - possible[hi];
                    lo++;
                    hi--;
                }
            }
            density[d] = num / den;
            if (hi + 2 < m) {
                num += byDistance[hi + 1] + byDistance[hi + 2];
                den += possible[hi + 1] + possible[hi + 2];
                hi += 2;
            } else if (hi + 1 < m) {
                num += byDistance[hi + 1];
                den += possible[hi + 1];
                hi++;
            }
        }
        Map<Integer, Double> factors = new TreeMap<>();
        for (int c = 1; c < chromLengths.length; c++) {
            if (!seen[c]) {
                continue;
            }
            long n = chromLengths[c] / binSize;
            double expected = 0;
            for (int d = 0; d < n && d < m; d++) {
                expected += (n - d) * density[d];
            }
            factors.put(c, expected / chromCounts[c]);
        }
        return new Result(density, factors);
    }

    @Override
    public String toString() {
        return "ExpectedVector[" + normalization + " " + binSize + " " + Arrays.toString(Arrays.copyOf(byDistance, 3)) + "]";
    }
}
