package org.hicserve.reader.model;

/**
 * A balancing vector looked up by genome-wide bin id. Divisive vectors (Juicer KR/VC/SCALE) give
 * {@code count / (w1 * w2)}; multiplicative ones (cooler {@code weight}, ICE) give {@code count * w1 * w2}.
 * Immutable; may be shared between threads.
 */
public interface Weights {
    String name();

    boolean divisive();

    /** The weight of a bin; NaN where the vector masks it. */
    double get(long binId);

    /** Apply to one raw count; a non-finite result means the pixel is dropped. */
    default double apply(double count, long bin1, long bin2) {
        double w1 = get(bin1);
        double w2 = get(bin2);
        return divisive() ? count / (w1 * w2) : count * w1 * w2;
    }
}
