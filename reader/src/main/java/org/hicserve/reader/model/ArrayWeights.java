package org.hicserve.reader.model;

/** Weights held in one array covering bins {@code [firstBin, firstBin + values.length)}; bins outside are NaN. */
public record ArrayWeights(String name, boolean divisive, long firstBin, double[] values) implements Weights {
    @Override
    public double get(long binId) {
        long i = binId - firstBin;
        return i >= 0 && i < values.length ? values[(int) i] : Double.NaN;
    }
}
