package org.hicserve.reader.hic;

import org.hicserve.reader.model.Weights;

/**
 * The normalization vectors of the (at most two) chromosomes of a query, looked up by genome-wide bin id. Divisive,
 * as every .hic vector is. A chromosome without a vector (KR did not converge, or the vector was never computed) has a
 * null array: every bin of it is NaN, so its pixels are dropped. Bins past the end of a vector are NaN too.
 * Immutable once built (the arrays come from the shared metadata cache and are never written).
 */
final class HicWeights implements Weights {
    private final String name;
    private final long first1;
    private final long count1;
    private final double[] values1;
    private final long first2;
    private final long count2;
    private final double[] values2;

    HicWeights(String name, long first1, long count1, double[] values1, long first2, long count2, double[] values2) {
        this.name = name;
        this.first1 = first1;
        this.count1 = count1;
        this.values1 = values1;
        this.first2 = first2;
        this.count2 = count2;
        this.values2 = values2;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean divisive() {
        return true;
    }

    @Override
    public double get(long binId) {
        long i = binId - first1;
        if (i >= 0 && i < count1) {
            return values1 != null && i < values1.length ? values1[(int) i] : Double.NaN;
        }
        i = binId - first2;
        if (i >= 0 && i < count2) {
            return values2 != null && i < values2.length ? values2[(int) i] : Double.NaN;
        }
        return Double.NaN;
    }
}
