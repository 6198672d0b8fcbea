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

    /**
     * Apply to one raw count; a non-finite result means the pixel is dropped. The weights are taken in stored
     * order (lower bin first), so a mirrored or transposed pixel gets exactly the value of the stored one:
     * {@code (count * w1) * w2} is what cooler computes, and floating-point products do not reassociate.
     */
    default double apply(double count, long bin1, long bin2) {
        double w1 = get(Math.min(bin1, bin2));
        double w2 = get(Math.max(bin1, bin2));
        return divisive() ? count / (w1 * w2) : count * w1 * w2;
    }
}
